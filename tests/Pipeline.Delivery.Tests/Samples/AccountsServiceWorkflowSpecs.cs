using AccountsService.Build;
using Pipeline.Delivery.Tests.Support;

namespace Pipeline.Delivery.Tests.Samples;

/// <summary>
/// samples/accounts-service's committed workflows: current, clean under actionlint and GitHub's parser, and
/// shaped as the seed pr-validation-and-k3s-smoke (its job graph, once asserted on a model, now on the real pipeline).
/// </summary>
public sealed class AccountsServiceWorkflowSpecs
{
    private static readonly AbsolutePath Sample = WorkflowLint.RepositoryRoot / "samples" / "accounts-service";

    [Fact]
    public async Task The_committed_generated_files_match_the_pipeline()
    {
        // --check writes nothing, so it can run on the sample itself.
        var check = await PipelineRun.RunAsync(AccountsServicePipeline.Create(), Sample, "--generate", "--check");

        Assert.True(check.ExitCode == 0, check.ToString());
    }

    [Theory]
    [InlineData("pull-request.yml")]
    [InlineData("main.yml")]
    public async Task Each_workflow_lints_clean(string file) =>
        await WorkflowLint.AssertCleanAsync(await ReadAsync(file), file);

    [Fact]
    public async Task Pull_requests_run_lint_beside_test_with_both_stores_then_build_api_beside_executor_check_their_sizes_and_never_push_or_see_a_secret()
    {
        var yaml = await ReadAsync("pull-request.yml");

        Assert.Contains("on:\n  pull_request:\n    branches: [main, develop]\n", yaml, StringComparison.Ordinal);
        Assert.DoesNotContain("  push:", yaml, StringComparison.Ordinal);
        // The seed's graph: Lint ‖ Test, then Build API ‖ Build Executor, then the size check over both.
        Assert.Equal(["lint", "test", "build-api", "build-executor", "size-check"], JobIds(yaml));
        Assert.Contains("  build-api:\n    name: Build API\n    needs: [lint, test]\n", yaml, StringComparison.Ordinal);
        Assert.Contains("  build-executor:\n    name: Build Executor\n    needs: [lint, test]\n", yaml, StringComparison.Ordinal);
        Assert.Contains("run: ./build.sh BuildApi --skip Lint Test\n", yaml, StringComparison.Ordinal);
        Assert.Contains("run: ./build.sh BuildExecutor --skip Lint Test\n", yaml, StringComparison.Ordinal);
        Assert.Contains("name: container-images-build-api\n          path: .nuke/temp/images/build-api\n", Job(yaml, "build-api"), StringComparison.Ordinal);
        Assert.Contains("name: container-images-build-executor\n          path: .nuke/temp/images/build-executor\n", Job(yaml, "build-executor"), StringComparison.Ordinal);

        // The size check's job measures the images both build jobs saved: it downloads and loads them, never builds them again.
        var sizeCheck = Job(yaml, "size-check");
        Assert.Contains("  size-check:\n    name: Size Check\n    needs: [build-api, build-executor]\n", sizeCheck, StringComparison.Ordinal);
        Assert.Contains("run: ./build.sh SizeCheck --skip Lint Test Publish BuildApi BuildExecutor\n", sizeCheck, StringComparison.Ordinal);
        Assert.Equal(["Download container-images-build-api", "Download container-images-build-executor"], Downloads(sizeCheck));
        Assert.Contains("      postgres:\n        image: postgres:16-alpine\n", yaml, StringComparison.Ordinal);
        Assert.Contains("      redis:\n        image: redis:7-alpine\n", yaml, StringComparison.Ordinal);
        Assert.Contains("REDIS_URL: localhost:6379", yaml, StringComparison.Ordinal);
        Assert.DoesNotContain("./build.sh Push", yaml, StringComparison.Ordinal);
        Assert.DoesNotContain("secrets.", yaml, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Main_builds_api_beside_executor_pushes_both_then_deploys_and_smoke_tests_in_one_job_and_scans_without_blocking()
    {
        var yaml = await ReadAsync("main.yml");

        Assert.Contains("on:\n  push:\n    branches: [main, develop]\n  workflow_dispatch: {}\n", yaml, StringComparison.Ordinal);
        Assert.Equal(["lint", "test", "build-api", "build-executor", "size-check", "push", "smoke", "scan"], JobIds(yaml));
        Assert.Contains("  build-api:\n    name: Build API\n    needs: [lint, test]\n", yaml, StringComparison.Ordinal);
        Assert.Contains("  build-executor:\n    name: Build Executor\n    needs: [lint, test]\n", yaml, StringComparison.Ordinal);
        Assert.Contains("  size-check:\n    name: Size Check\n    needs: [build-api, build-executor]\n", yaml, StringComparison.Ordinal); // beside the push, not before it

        // The push takes both images: its job waits for both build jobs and downloads what each saved.
        var push = Job(yaml, "push");
        Assert.Contains("    needs: [build-api, build-executor]\n    if: \"!(github.event_name == 'pull_request')\"\n", push, StringComparison.Ordinal);
        Assert.Equal(["Download container-images-build-api", "Download container-images-build-executor"], Downloads(push));
        Assert.Contains("    permissions:\n      contents: read\n      packages: write\n", push, StringComparison.Ordinal);
        // The environment's containers live on the runner: DeploySmoke runs inside the smoke job.
        Assert.Contains("run: ./build.sh Smoke --skip Lint Test Publish BuildApi BuildExecutor Push\n", yaml, StringComparison.Ordinal);
        Assert.Contains("  scan:\n    name: Scan\n    needs: [smoke]\n    if: '!cancelled()'\n", yaml, StringComparison.Ordinal);
        Assert.Contains("    permissions:\n      contents: read\n      security-events: write\n", yaml, StringComparison.Ordinal);
        Assert.Contains("uses: aquasecurity/setup-trivy@", yaml, StringComparison.Ordinal);
    }

    private static Task<string> ReadAsync(string file) =>
        File.ReadAllTextAsync(Sample / ".github" / "workflows" / file, TestContext.Current.CancellationToken);

    private static string Job(string yaml, string id)
    {
        var start = yaml.IndexOf($"\n  {id}:\n", yaml.IndexOf("\njobs:\n", StringComparison.Ordinal), StringComparison.Ordinal); // not a trigger named alike
        Assert.True(start >= 0, yaml);
        var next = JobIds(yaml).SkipWhile(j => j != id).Skip(1).FirstOrDefault();
        return next is null ? yaml[start..] : yaml[start..yaml.IndexOf($"\n  {next}:\n", start, StringComparison.Ordinal)];
    }

    private static string[] Downloads(string job) =>
        [.. job.Split('\n').Select(l => l.Trim()).Where(l => l.StartsWith("- name: Download ", StringComparison.Ordinal)).Select(l => l["- name: ".Length..])];

    private static string[] JobIds(string yaml) =>
        [.. yaml[yaml.IndexOf("\njobs:\n", StringComparison.Ordinal)..].Split('\n')
            .Where(l => l.Length > 3 && l.StartsWith("  ", StringComparison.Ordinal) && l[2] != ' ' && l.EndsWith(':'))
            .Select(l => l.Trim().TrimEnd(':'))];
}
