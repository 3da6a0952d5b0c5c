using Pipeline.GitHubActions;

namespace StagedRelease.Build;

/// <summary>
/// Pushes to main, and by hand: the gates, the image, staging and its tests, then production behind
/// the <c>production</c> environment, whose required reviewers are the manual approval.
/// </summary>
public sealed class Release : Workflow
{
    protected override void Configure(WorkflowSpec workflow) => workflow
        .Name("Staged release")
        .FileName("release")
        .OnPush(branches: ["main"])
        .OnWorkflowDispatch()
        .Concurrency(CancelInProgress.Never)
        .Env("DEPLOY_DRIVER", nameof(Pipeline.Delivery.DeploymentDriverKind.Kubernetes))
        .Env("SMOKE_URL", DeployStaging.StagingUrl.ToString())
        .Env("PERFORMANCE_URL", DeployStaging.StagingUrl.ToString())
        .Timeout(TimeSpan.FromMinutes(30))
        .Job<Format>()
        .Job<Lint>()
        .Job<Test>()
        .Job<IntegrationTests>()
        .Job<Coverage>()
        .Job<SecurityScan>()
        .Job<BuildImage>()
        .Job<ContainerScan>()
        .Job<Push>(j => j.Permissions(Permission.Contents.Read, Permission.Packages.Write))
        .Job<DeployStaging>(j => j.Environment("staging", DeployStaging.StagingUrl.ToString()).Permissions(Permission.Contents.Read, Permission.Deployments.Write))
        .Job<StagingTests>()
        .Job<PerformanceTests>()
        .Job<DeployProduction>(j => j.Environment("production", DeployProduction.ProductionUrl.ToString())
            .Permissions(Permission.Contents.Read, Permission.Deployments.Write).Timeout(TimeSpan.FromMinutes(15)));
}
