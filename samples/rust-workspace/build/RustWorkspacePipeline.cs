using Pipeline;
using Pipeline.GitHubActions;

namespace RustWorkspace.Build;

/// <summary>The Rust workspace's whole pipeline; tests run it in-process against a copy of the sample.</summary>
public static class RustWorkspacePipeline
{
    public static PipelineBuilder Create() => new PipelineBuilder()
        .Add<Format>()
        .Add<Lint>()
        .Add<Test>()
        .Default<Test>()
        .Workflows(w => w.Add<Ci>());
}
