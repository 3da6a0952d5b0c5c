using EventService.Build;
using Pipeline.Delivery.Tests.Support;

namespace Pipeline.Delivery.Tests.Samples;

/// <summary>The event service's committed workflows: current, clean under actionlint and GitHub's parser, and shaped as the seed.</summary>
public sealed class EventServiceWorkflowSpecs
{
    private static readonly AbsolutePath Sample = WorkflowLint.RepositoryRoot / "samples" / "event-service";

    [Fact]
    public async Task The_committed_generated_files_match_the_pipeline()
    {
        // --check writes nothing, so it can run on the sample itself.
        var check = await PipelineRun.RunAsync(EventServicePipeline.Create(), Sample, "--generate", "--check");

        Assert.True(check.ExitCode == 0, check.ToString());
    }

    [Theory]
    [InlineData("pull-request.yml")]
    [InlineData("delivery.yml")]
    public async Task Each_workflow_lints_clean(string file) =>
        await WorkflowLint.AssertCleanAsync(await File.ReadAllTextAsync(Sample / ".github" / "workflows" / file, TestContext.Current.CancellationToken), file);

    [Fact]
    public async Task Delivery_pushes_to_ghcr_deploys_to_kubernetes_and_smoke_tests_staging_with_least_privilege()
    {
        var yaml = await File.ReadAllTextAsync(Sample / ".github" / "workflows" / "delivery.yml", TestContext.Current.CancellationToken);

        Assert.Contains("  DEPLOY_DRIVER: Kubernetes\n", yaml, StringComparison.Ordinal);
        Assert.Contains("permissions:\n  contents: read\n", yaml, StringComparison.Ordinal);
        Assert.Contains("    permissions:\n      contents: read\n      packages: write\n", yaml, StringComparison.Ordinal);
        Assert.Contains("    environment:\n      name: staging\n", yaml, StringComparison.Ordinal);
        Assert.Contains("KUBECONFIG_DATA: ${{ secrets.KUBECONFIG_DATA }}", yaml, StringComparison.Ordinal);
        Assert.Contains("    needs: [format, lint, test, coverage, build-image, push, deploy-staging]\n    if: \"!cancelled() && !contains(needs.*.result, 'failure')\"\n", yaml, StringComparison.Ordinal);
        Assert.Contains("    needs: [test]\n    if: '!cancelled()'\n", yaml, StringComparison.Ordinal); // Coverage runs after Test, whatever its outcome, as locally
        Assert.Contains("          name: pushed-images\n          path: .nuke/temp/pushed-images\n", yaml, StringComparison.Ordinal);
    }

    [Fact]
    public async Task On_pull_requests_the_image_is_built_and_nothing_is_pushed_or_deployed()
    {
        var yaml = await File.ReadAllTextAsync(Sample / ".github" / "workflows" / "pull-request.yml", TestContext.Current.CancellationToken);

        Assert.Contains("run: ./build.sh BuildImage", yaml, StringComparison.Ordinal);
        Assert.DoesNotContain("./build.sh Push", yaml, StringComparison.Ordinal);
        Assert.DoesNotContain("DeployStaging", yaml, StringComparison.Ordinal);
        Assert.Contains("pull-requests: write", yaml, StringComparison.Ordinal);
    }
}
