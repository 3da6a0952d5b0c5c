using Pipeline;
using Pipeline.Components.Services;
using Pipeline.GitHubActions;

namespace StagedRelease.Build;

/// <summary>
/// The staged release (shared/seeds/staged-release-with-approval.md): quality gates, the image, a
/// staging deploy and its tests, then a blue-green production deploy that rolls back by itself when
/// its health checks fail after the switch. Tests run it in-process against a copy of the sample.
/// </summary>
public static class StagedReleasePipeline
{
    public static PipelineBuilder Create() => new PipelineBuilder()
        .Add<Format>()
        .Add<Lint>()
        .Add<Test>()
        .Add<IntegrationTests>()
        .Add<Coverage>()
        .Add<SecurityScan>()
        .Add<Compile>()
        .Add<BuildImage>()
        .Add<ContainerScan>()
        .Add<Push>()
        .Add<DeployStaging>()
        .Add<StagingTests>()
        .Add<PerformanceTests>()
        .Add<DeployProduction>()
        .UseTestcontainers() // locally, the integration tests' PostgreSQL and Redis
        .Default<DeployProduction>() // the whole release: every gate, staging, its tests, then production
        .Workflows(w => w.Add<PullRequest>().Add<Release>().Add<DailySecurityScan>());
}
