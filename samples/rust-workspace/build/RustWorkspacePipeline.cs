using Pipeline;
using Pipeline.Components.Services;
using Pipeline.GitHubActions;

namespace RustWorkspace.Build;

/// <summary>The Rust workspace's whole pipeline; tests run it in-process against a copy of the sample.</summary>
public static class RustWorkspacePipeline
{
    public static PipelineBuilder Create() => new PipelineBuilder()
        .Add<Format>()
        .Add<Lint>()
        .Add<FormatAndLint>()
        .Add<TestServices>()
        .Add<IntegrationTests>()
        .Add<Coverage>()
        .Add<SecurityAudit>()
        .Add<BuildRelease>()
        .Add<BuildImages>()
        .Add<Push>()
        .Add<DeployStaging>()
        .Add<Smoke>()
        .Add<QualityReport>()
        .Add<Notify>()
        .Default<Notify>() // every stage, from the gate to the notification
        .UseTestcontainers() // locally, the integration tests' PostgreSQL and Redis
        .Workflows(w => w.Add<Ci>());
}
