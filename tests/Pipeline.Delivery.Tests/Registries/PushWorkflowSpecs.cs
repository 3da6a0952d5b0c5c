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
        Assert.DoesNotContain("\n    if:", buildJob, StringComparison.Ordinal); // no job-level condition (its report upload step has one)

        // The push job runs on its own machine: it downloads the images the build job saved.
        Assert.Contains("Upload container-images-build-test-image", buildJob, StringComparison.Ordinal);
        Assert.Contains("Download container-images-build-test-image", pushJob, StringComparison.Ordinal);
        Assert.Contains("GITHUB_TOKEN: ${{ secrets.GITHUB_TOKEN }}", pushJob, StringComparison.Ordinal);
        Assert.DoesNotContain("GITHUB_TOKEN", buildJob, StringComparison.Ordinal);
        await WorkflowLint.AssertCleanAsync(yaml, Path.GetFileName(file));
    }

    [Fact]
    public async Task A_docker_hub_push_job_gets_the_token_as_a_secret_and_the_user_from_a_configuration_variable()
    {
        using var root = new TempRoot();
        var builder = Setup.For(root, new DockerHub("acme")).Builder().Workflows(w => w.Add<Delivery>());

        var pushJob = await GenerateAsync(builder, root, "push-test-image:");

        Assert.Contains("DOCKER_HUB_TOKEN: ${{ secrets.DOCKER_HUB_TOKEN }}", pushJob, StringComparison.Ordinal);
        Assert.Contains("DOCKER_HUB_USERNAME: ${{ vars.DOCKER_HUB_USERNAME }}", pushJob, StringComparison.Ordinal);
        Assert.DoesNotContain("secrets.DOCKER_HUB_USERNAME", pushJob, StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_workflow_input_for_the_user_wins_over_the_configuration_variable()
    {
        using var root = new TempRoot();
        var builder = Setup.For(root, new DockerHub("acme")).Builder().Workflows(w => w.Add<DispatchedDelivery>());

        var pushJob = await GenerateAsync(builder, root, "push-test-image:");

        Assert.Contains("DOCKER_HUB_USERNAME: ${{ inputs.docker-hub-username }}", pushJob, StringComparison.Ordinal);
        Assert.DoesNotContain("vars.DOCKER_HUB_USERNAME", pushJob, StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_registry_chosen_at_run_time_gives_the_push_job_what_every_candidate_needs_and_requires_none_locally()
    {
        using var root = new TempRoot();
        var choice = new RegistryChoice(
            context => context.GitHub.IsActions ? Candidates.Hub : null, Candidates.Hub, Candidates.Ghcr);
        var builder = Setup.For(root, choice).Builder().Workflows(w => w.Add<Delivery>());

        var pushJob = await GenerateAsync(builder, root, "push-test-image:");

        Assert.Contains("DOCKER_HUB_TOKEN: ${{ secrets.DOCKER_HUB_TOKEN }}", pushJob, StringComparison.Ordinal);
        Assert.Contains("DOCKER_HUB_USERNAME: ${{ vars.DOCKER_HUB_USERNAME }}", pushJob, StringComparison.Ordinal);
        Assert.Contains("GITHUB_TOKEN: ${{ secrets.GITHUB_TOKEN }}", pushJob, StringComparison.Ordinal);
        var push = builder.BuildGraph(new PipelineEnvironment(root.Path, new Dictionary<string, string>(), TextWriter.Null, TextWriter.Null, 2, false))["PushTestImage"];
        Assert.Empty(push.Requires); // locally the choice may be the local registry: nothing to require
    }

    [Fact]
    public async Task Under_github_actions_the_chosen_registry_is_the_one_pushed_to_and_a_missing_user_is_one_line()
    {
        using var root = new TempRoot();
        var registry = ContainerRegistry.UnderGitHubActions(Candidates.Hub);
        RegistryAccess? access = null;
        var step = new StepAction(async context => access = await registry.ResolveAsync(new RegistryContext(context)));
        var builder = new PipelineBuilder().Add<InlineStep>().Provide(step).Parameters(RegistryParameters.DockerHubUsername, RegistryParameters.DockerHubToken);

        var inCi = await PipelineRun.RunAsync(builder, root.Path, new Dictionary<string, string> { ["GITHUB_ACTIONS"] = "true", ["DOCKER_HUB_TOKEN"] = "dckr_pat_x" }, "InlineStep");

        Assert.NotEqual(0, inCi.ExitCode);
        Assert.Contains("Parameter --docker-hub-username has no value", inCi.Output, StringComparison.Ordinal);
        Assert.DoesNotContain("   at ", inCi.Output, StringComparison.Ordinal);
        Assert.Null(access);
        Assert.Equal([RegistryParameters.DockerHubUsername, RegistryParameters.DockerHubToken], registry.Parameters);
    }

    [Fact]
    public async Task Two_push_targets_with_records_of_their_own_upload_two_artifacts_and_a_deploy_can_take_either()
    {
        using var root = new TempRoot();
        var builder = Setup.For(root, null).Builder().Add<PushToHub>().Add<PushToGhcr>().Workflows(w => w.Add<TwoPushes>());

        var hubJob = await GenerateAsync(builder, root, "push-to-hub:");

        Assert.Contains("name: pushed-images-push-to-hub", hubJob, StringComparison.Ordinal);
        Assert.DoesNotContain("name: pushed-images-push-to-ghcr", hubJob, StringComparison.Ordinal);
        Assert.Contains("DOCKER_HUB_TOKEN: ${{ secrets.DOCKER_HUB_TOKEN }}", hubJob, StringComparison.Ordinal);
        Assert.DoesNotContain("GITHUB_TOKEN", hubJob, StringComparison.Ordinal);
        var graph = builder.BuildGraph(new PipelineEnvironment(root.Path, new Dictionary<string, string>(), TextWriter.Null, TextWriter.Null, 2, false));
        Assert.Equal([PushedImages.ArtifactOf<PushToHub>()], graph["PushToHub"].Produces);
        Assert.Equal([PushedImages.ArtifactOf<PushToGhcr>()], graph["PushToGhcr"].Produces);
        Assert.NotEqual(PushedImages.Of<PushToHub>(root.Path).FilePath, PushedImages.Of<PushToGhcr>(root.Path).FilePath);
        Assert.NotEqual(PushedImages.At(root.Path).FilePath, PushedImages.Of<PushToGhcr>(root.Path).FilePath);
    }

    [Fact]
    public async Task Two_jobs_that_would_upload_one_artifact_fail_the_generation_with_one_line_naming_both()
    {
        using var root = new TempRoot();
        var builder = Setup.For(root, null).Builder().Add<PushToHubShared>().Workflows(w => w.Add<TwoSharedPushes>());

        var run = await PipelineRun.RunAsync(builder, root.Path, "--generate");

        Assert.NotEqual(0, run.ExitCode);
        var line = Assert.Single(run.Output.Split('\n'), l => l.Contains("pushed-images", StringComparison.Ordinal));
        Assert.Contains("the jobs push-test-image and push-to-hub-shared would both upload the artifact pushed-images, which PushTestImage and PushToHubShared produce", line, StringComparison.Ordinal);
        Assert.DoesNotContain("   at ", run.Output, StringComparison.Ordinal);
        Assert.False(Directory.Exists(root.Path / ".github" / "workflows") && Directory.EnumerateFiles(root.Path / ".github" / "workflows").Any());
    }

    /// <summary>Generates, lints, and returns the YAML from <paramref name="jobKey"/> to the next job (or the end).</summary>
    private static async Task<string> GenerateAsync(PipelineBuilder builder, TempRoot root, string jobKey)
    {
        (await PipelineRun.RunAsync(builder, root.Path, "--generate")).Succeeded();
        var file = Directory.GetFiles(root.Path / ".github" / "workflows").Single();
        var yaml = await File.ReadAllTextAsync(file, TestContext.Current.CancellationToken);
        await WorkflowLint.AssertCleanAsync(yaml, Path.GetFileName(file));
        var start = yaml.IndexOf("\n  " + jobKey, StringComparison.Ordinal);
        Assert.True(start >= 0, yaml);
        var next = System.Text.RegularExpressions.Regex.Match(yaml[(start + 1)..], "\n  [a-z0-9-]+:\n");
        return next.Success ? yaml.Substring(start, next.Index + 1) : yaml[start..];
    }

    private static class Candidates
    {
        public static readonly ContainerRegistry Hub = new DockerHub("acme");
        public static readonly ContainerRegistry Ghcr = new GitHubContainerRegistry("acme");
    }

    public sealed class PushToHub : PushImagesTarget<BuildTestImage>
    {
        protected override ContainerRegistry Registry => Candidates.Hub;

        protected override bool HasOwnRecord => true;

        protected override IEnumerable<string> TagsToPush(BuiltImage image) => image.Tags.Where(t => t == "main");
    }

    public sealed class PushToGhcr : PushImagesTarget<BuildTestImage>
    {
        protected override ContainerRegistry Registry => Candidates.Ghcr;

        protected override bool HasOwnRecord => true;
    }

    /// <summary>A second push that forgot its own record: it would upload the shared one beside PushTestImage's.</summary>
    public sealed class PushToHubShared : PushImagesTarget<BuildTestImage>
    {
        protected override ContainerRegistry Registry => Candidates.Hub;
    }

    public sealed class DispatchedDelivery : Workflow
    {
        protected override void Configure(WorkflowSpec workflow) => workflow
            .OnWorkflowDispatch(RegistryParameters.DockerHubUsername)
            .Job<BuildTestImage>()
            .Job<PushTestImage>();
    }

    public sealed class TwoPushes : Workflow
    {
        protected override void Configure(WorkflowSpec workflow) => workflow
            .OnPush(branches: ["main"])
            .Job<BuildTestImage>()
            .Job<PushToHub>()
            .Job<PushToGhcr>(j => j.Permissions(Permission.Contents.Read, Permission.Packages.Write));
    }

    public sealed class TwoSharedPushes : Workflow
    {
        protected override void Configure(WorkflowSpec workflow) => workflow
            .OnPush(branches: ["main"])
            .Job<BuildTestImage>()
            .Job<PushTestImage>()
            .Job<PushToHubShared>();
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
