using Pipeline;
using Pipeline.Components.Services;
using Pipeline.GitHubActions;

namespace DotNetService.Build;

/// <summary>The pipeline, built in one place so tests can run it in-process against a copy of the sample.</summary>
public static class DotNetServicePipeline
{
    public static PipelineBuilder Create() => new PipelineBuilder()
        .Add<Test>()
        .Default<Test>()
        .UseTestcontainers()
        .Workflows(w => w.Add<Ci>());
}
