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
    public async Task Pull_requests_run_lint_beside_test_with_both_stores_then_build_both_images_check_their_sizes_and_never_push_or_see_a_secret()
    {
        var yaml = await ReadAsync("pull-request.yml");

        Assert.Contains("on:\n  pull_request:\n    branches: [main, develop]\n", yaml, StringComparison.Ordinal);
        Assert.DoesNotContain("  push:", yaml, StringComparison.Ordinal);
        Assert.Equal(["lint", "test", "build-image", "size-check"], JobIds(yaml));
        Assert.Contains("  build-image:\n    name: Build API and Executor\n    needs: [lint, test]\n", yaml, StringComparison.Ordinal);
        // The size check's job measures the images the build job saved: it downloads and loads them, never builds them again.
        Assert.Contains("  size-check:\n    name: Size Check\n    needs: [build-image]\n", yaml, StringComparison.Ordinal);
        Assert.Contains("run: ./build.sh SizeCheck --skip Lint Test Publish BuildImage\n", yaml, StringComparison.Ordinal);
        Assert.Contains("uses: actions/download-artifact@", yaml[yaml.IndexOf("  size-check:", StringComparison.Ordinal)..], StringComparison.Ordinal);
        Assert.Contains("      postgres:\n        image: postgres:16-alpine\n", yaml, StringComparison.Ordinal);
        Assert.Contains("      redis:\n        image: redis:7-alpine\n", yaml, StringComparison.Ordinal);
        Assert.Contains("REDIS_URL: localhost:6379", yaml, StringComparison.Ordinal);
        Assert.Contains("run: ./build.sh BuildImage --skip Lint Test", yaml, StringComparison.Ordinal);
        Assert.DoesNotContain("./build.sh Push", yaml, StringComparison.Ordinal);
        Assert.DoesNotContain("secrets.", yaml, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Main_tests_pushes_then_deploys_and_smoke_tests_in_one_job_and_scans_without_blocking()
    {
        var yaml = await ReadAsync("main.yml");

        Assert.Contains("on:\n  push:\n    branches: [main, develop]\n  workflow_dispatch: {}\n", yaml, StringComparison.Ordinal);
        Assert.Equal(["test", "build-image", "size-check", "push", "smoke", "scan"], JobIds(yaml));
        Assert.Contains("  size-check:\n    name: Size Check\n    needs: [build-image]\n", yaml, StringComparison.Ordinal); // beside the push, not before it
        // Lint has no job of its own here: it runs before the image in build-image.
        Assert.Contains("run: ./build.sh BuildImage --skip Test\n", yaml, StringComparison.Ordinal);
        Assert.Contains("    needs: [build-image]\n    if: \"!(github.event_name == 'pull_request')\"\n", yaml, StringComparison.Ordinal);
        Assert.Contains("    permissions:\n      contents: read\n      packages: write\n", yaml, StringComparison.Ordinal);
        // The environment's containers live on the runner: DeploySmoke runs inside the smoke job.
        Assert.Contains("run: ./build.sh Smoke --skip Lint Test Publish BuildImage Push\n", yaml, StringComparison.Ordinal);
        Assert.Contains("  scan:\n    name: Scan\n    needs: [smoke]\n    if: '!cancelled()'\n", yaml, StringComparison.Ordinal);
        Assert.Contains("    permissions:\n      contents: read\n      security-events: write\n", yaml, StringComparison.Ordinal);
        Assert.Contains("uses: aquasecurity/setup-trivy@", yaml, StringComparison.Ordinal);
    }

    private static Task<string> ReadAsync(string file) =>
        File.ReadAllTextAsync(Sample / ".github" / "workflows" / file, TestContext.Current.CancellationToken);

    private static string[] JobIds(string yaml) =>
        [.. yaml[yaml.IndexOf("\njobs:\n", StringComparison.Ordinal)..].Split('\n')
            .Where(l => l.Length > 3 && l.StartsWith("  ", StringComparison.Ordinal) && l[2] != ' ' && l.EndsWith(':'))
            .Select(l => l.Trim().TrimEnd(':'))];
}
