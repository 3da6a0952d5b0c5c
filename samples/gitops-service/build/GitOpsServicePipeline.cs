using Pipeline;
using Pipeline.GitHubActions;

namespace GitOpsService.Build;

/// <summary>The GitOps service's whole pipeline; tests run it in-process against a copy of the sample.</summary>
public static class GitOpsServicePipeline
{
    public static PipelineBuilder Create() => new PipelineBuilder()
        .Add<Format>()
        .Add<Lint>()
        .Add<Test>()
        .Add<Scan>()
        .Add<Compile>()
        .Add<BuildImage>()
        .Add<Push>()
        .Add<SetUpDatabase>()
        .Add<SetUpSecrets>()
        .Add<Deploy>()
        .Default<Deploy>() // `./build.sh` alone is the seed's whole pipeline, here and in Actions
        .Parameters(GitOpsParameters.DeployEnvironment)
        .Workflows(w => w.Add<Deliver>());
}
