using Pipeline;
using Pipeline.GitHubActions;

namespace EventService.Build;

/// <summary>The event service's whole pipeline; tests run it in-process against a copy of the sample.</summary>
public static class EventServicePipeline
{
    public static PipelineBuilder Create() => new PipelineBuilder()
        .Add<Format>()
        .Add<Lint>()
        .Add<Test>()
        .Add<Coverage>()
        .Add<Compile>()
        .Add<BuildImage>()
        .Add<Push>()
        .Add<DeployStaging>()
        .Add<Smoke>()
        .Default<Smoke>() // the main job: every gate, then build, push, deploy and smoke-test
        .Workflows(w => w.Add<PullRequest>().Add<Delivery>());
}
