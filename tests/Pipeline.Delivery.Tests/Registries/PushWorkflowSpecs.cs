using Pipeline.Delivery.Tests.Support;
using Pipeline.GitHubActions;

namespace Pipeline.Delivery.Tests.Registries;

public sealed class PushWorkflowSpecs
{
    [Fact]
    public async Task The_generated_push_job_is_skipped_on_pull_requests_and_gets_the_registry_token()
    {
        using var root = new TempRoot();
        var builder = Setup.For(root, new GitHubContainerRegistry("acme")).Builder().Workflows(w => w.Add<Delivery>());

        (await PipelineRun.RunAsync(builder, root.Path, "--generate")).Succeeded();

        var file = Directory.GetFiles(root.Path / ".github" / "workflows").Single();
        var yaml = await File.ReadAllTextAsync(file, TestContext.Current.CancellationToken);
        var pushJob = yaml[yaml.IndexOf("push-test-image:", StringComparison.Ordinal)..];
        var buildJob = yaml[..yaml.IndexOf("push-test-image:", StringComparison.Ordinal)];
        Assert.Contains("if: \"!(github.event_name == 'pull_request')\"", pushJob, StringComparison.Ordinal);
        Assert.DoesNotContain("if:", buildJob, StringComparison.Ordinal);

        // The push job runs on its own machine: it downloads the images the build job saved.
        Assert.Contains("Upload container-images", buildJob, StringComparison.Ordinal);
        Assert.Contains("Download container-images", pushJob, StringComparison.Ordinal);
        Assert.Contains("GITHUB_TOKEN: ${{ secrets.GITHUB_TOKEN }}", pushJob, StringComparison.Ordinal);
        Assert.DoesNotContain("GITHUB_TOKEN", buildJob, StringComparison.Ordinal);
        await WorkflowLint.AssertCleanAsync(yaml, Path.GetFileName(file));
    }

    public sealed class Delivery : Workflow
    {
        protected override void Configure(WorkflowSpec workflow) => workflow
            .OnPush(branches: ["main"])
            .OnPullRequest(branches: ["main"])
            .Job<BuildTestImage>()
            .Job<PushTestImage>(j => j.Permissions(Permission.Contents.Read, Permission.Packages.Write));
    }
}
