using Pipeline.Delivery.Tests.Support;
using StagedRelease.Build;

namespace Pipeline.Delivery.Tests.Samples;

/// <summary>The staged release's committed workflows: current, clean under actionlint and GitHub's parser, and shaped as the seed.</summary>
public sealed class StagedReleaseWorkflowSpecs
{
    private static readonly AbsolutePath Sample = WorkflowLint.RepositoryRoot / "samples" / "staged-release";

    [Fact]
    public async Task The_committed_generated_files_match_the_pipeline()
    {
        var check = await PipelineRun.RunAsync(StagedReleasePipeline.Create(), Sample, "--generate", "--check");

        Assert.True(check.ExitCode == 0, check.ToString());
    }

    [Theory]
    [InlineData("pull-request.yml")]
    [InlineData("release.yml")]
    [InlineData("daily-security-scan.yml")]
    public async Task Each_workflow_lints_clean(string file) =>
        await WorkflowLint.AssertCleanAsync(await Read(file), file);

    [Fact]
    public async Task Production_waits_for_the_staging_tests_and_its_environment_the_manual_approval()
    {
        var yaml = await Read("release.yml");

        Assert.Contains("  push:\n    branches: [main]\n", yaml, StringComparison.Ordinal);
        Assert.Contains("  workflow_dispatch:", yaml, StringComparison.Ordinal);
        Assert.Contains("    needs: [push]\n", yaml, StringComparison.Ordinal); // deploy-staging
        Assert.Contains("    needs: [deploy-staging]\n", yaml, StringComparison.Ordinal); // staging-tests
        Assert.Contains("    needs: [staging-tests]\n", yaml, StringComparison.Ordinal); // performance-tests
        Assert.Contains("    needs: [performance-tests, push]\n", yaml, StringComparison.Ordinal); // deploy-production
        Assert.Contains("  PERFORMANCE_URL: https://release.staging.example.com/\n", yaml, StringComparison.Ordinal); // CI load-tests the staging ingress
        Assert.Contains("    environment:\n      name: staging\n", yaml, StringComparison.Ordinal);
        Assert.Contains("    environment:\n      name: production\n      url: https://release.example.com/\n", yaml, StringComparison.Ordinal);
        Assert.Contains("    timeout-minutes: 15\n", yaml, StringComparison.Ordinal);
        Assert.Contains("    needs: [format, lint, integration-tests, coverage, security-scan, container-scan]\n", yaml, StringComparison.Ordinal); // push: every gate first
        Assert.Contains("run: ./build.sh DeployProduction --skip", yaml, StringComparison.Ordinal);
        Assert.Contains("  DEPLOY_DRIVER: Kubernetes\n", yaml, StringComparison.Ordinal);
        Assert.Contains("security-events: write", yaml, StringComparison.Ordinal); // the scan's SARIF upload
    }

    [Theory]
    [InlineData("release.yml")]
    [InlineData("pull-request.yml")]
    public async Task The_seed_s_gates_run_integration_tests_with_PostgreSQL_15_and_Redis_7_coverage_and_a_scan_of_the_built_image_with_its_SBOM(string file)
    {
        var yaml = await Read(file);

        var integration = Job(yaml, "integration-tests");
        Assert.Contains("    needs: [test]\n", integration, StringComparison.Ordinal);
        Assert.Contains("        image: postgres:15-alpine\n", integration, StringComparison.Ordinal);
        Assert.Contains("        image: redis:7-alpine\n", integration, StringComparison.Ordinal);
        Assert.Contains("          DATABASE_URL: postgres://release:release@localhost:5432/catalog\n          REDIS_URL: localhost:6379\n", integration, StringComparison.Ordinal);
        Assert.Contains("          name: integration-test-results\n", integration, StringComparison.Ordinal);
        Assert.Contains("run: ./build.sh Coverage --skip Test", Job(yaml, "coverage"), StringComparison.Ordinal);
        var scan = Job(yaml, "container-scan");
        Assert.Contains("    needs: [build-image]\n", scan, StringComparison.Ordinal);
        Assert.Contains("          name: container-images-build-image\n          path: .nuke/temp/images/build-image\n", scan, StringComparison.Ordinal); // the saved image, scanned with --input
        Assert.Contains("          name: container-scan-sbom\n          path: artifacts/scan/ContainerScan.cdx.json\n", scan, StringComparison.Ordinal);
        Assert.Contains("category: ContainerScan", scan, StringComparison.Ordinal);
    }

    [Fact]
    public async Task The_security_scan_runs_alone_every_day_and_by_hand()
    {
        var yaml = await Read("daily-security-scan.yml");

        Assert.Contains("  schedule:\n    - cron: 0 2 * * *\n", yaml, StringComparison.Ordinal);
        Assert.Contains("  workflow_dispatch:", yaml, StringComparison.Ordinal);
        Assert.Contains("run: ./build.sh SecurityScan", yaml, StringComparison.Ordinal);
        Assert.DoesNotContain("Deploy", yaml, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Pull_requests_run_the_gates_and_build_the_image_but_push_and_deploy_nothing()
    {
        var yaml = await Read("pull-request.yml");

        Assert.Contains("run: ./build.sh BuildImage", yaml, StringComparison.Ordinal);
        Assert.DoesNotContain("./build.sh Push", yaml, StringComparison.Ordinal);
        Assert.DoesNotContain("Deploy", yaml, StringComparison.Ordinal);
    }

    /// <summary>One job's text: from its key to the next job's.</summary>
    private static string Job(string yaml, string id)
    {
        var start = yaml.IndexOf($"\n  {id}:\n", StringComparison.Ordinal);
        Assert.True(start >= 0, $"no job {id}");
        var next = System.Text.RegularExpressions.Regex.Match(yaml[(start + 1)..], @"\n  [a-z0-9-]+:\n");
        return next.Success ? yaml.Substring(start, next.Index + 1) : yaml[start..];
    }

    private static Task<string> Read(string file) =>
        File.ReadAllTextAsync(Sample / ".github" / "workflows" / file, TestContext.Current.CancellationToken);
}
