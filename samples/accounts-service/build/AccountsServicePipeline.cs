using Pipeline;
using Pipeline.Components.Services;
using Pipeline.GitHubActions;

namespace AccountsService.Build;

/// <summary>The accounts service's whole pipeline; tests run it in-process against a copy of the sample.</summary>
public static class AccountsServicePipeline
{
    public static PipelineBuilder Create() => new PipelineBuilder()
        .Add<Lint>()
        .Add<Test>()
        .Add<Publish>()
        .Add<BuildApi>()
        .Add<BuildExecutor>()
        .Add<SizeCheck>()
        .Add<Push>()
        .Add<DeploySmoke>()
        .Add<Smoke>()
        .Add<Scan>()
        .Default<Smoke>() // the main job: lint and tests, both images built and pushed, deployed and smoke-tested
        .UseTestcontainers()
        .Workflows(w => w.Add<PullRequestValidation>().Add<MainPipeline>());
}
