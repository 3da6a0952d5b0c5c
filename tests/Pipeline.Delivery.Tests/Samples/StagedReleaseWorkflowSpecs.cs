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
        Assert.Contains("    needs: [staging-tests, push]\n", yaml, StringComparison.Ordinal); // deploy-production
        Assert.Contains("    environment:\n      name: staging\n", yaml, StringComparison.Ordinal);
        Assert.Contains("    environment:\n      name: production\n      url: https://release.example.com/\n", yaml, StringComparison.Ordinal);
        Assert.Contains("    timeout-minutes: 15\n", yaml, StringComparison.Ordinal);
        Assert.Contains("    needs: [format, lint, test, security-scan, build-image]\n", yaml, StringComparison.Ordinal); // push: every gate first
        Assert.Contains("run: ./build.sh DeployProduction --skip", yaml, StringComparison.Ordinal);
        Assert.Contains("  DEPLOY_DRIVER: Kubernetes\n", yaml, StringComparison.Ordinal);
        Assert.Contains("security-events: write", yaml, StringComparison.Ordinal); // the scan's SARIF upload
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

    private static Task<string> Read(string file) =>
        File.ReadAllTextAsync(Sample / ".github" / "workflows" / file, TestContext.Current.CancellationToken);
}
