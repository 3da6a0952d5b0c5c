using Pipeline.GitHubActions;

namespace EventService.Build;

/// <summary>
/// Main and release tags: the same gates, then the image pushed to GHCR, deployed to the staging
/// namespace of the cluster (kubeconfig from the KUBECONFIG_DATA secret) and smoke-tested there.
/// </summary>
public sealed class Delivery : Workflow
{
    protected override void Configure(WorkflowSpec workflow) => workflow
        .Name("Event service delivery")
        .FileName("delivery")
        .OnPush(branches: ["main"], tags: ["v*"])
        .Concurrency(CancelInProgress.Never)
        .Env("DEPLOY_DRIVER", nameof(Pipeline.Delivery.DeploymentDriverKind.Kubernetes))
        .Env("SMOKE_URL", DeployStaging.StagingUrl.ToString())
        .Timeout(TimeSpan.FromMinutes(20))
        .Job<Format>()
        .Job<Lint>()
        .Job<Test>()
        .Job<Coverage>()
        .Job<BuildImage>()
        .Job<Push>(j => j.Permissions(Permission.Contents.Read, Permission.Packages.Write))
        .Job<DeployStaging>(j => j.Environment("staging", DeployStaging.StagingUrl.ToString()).Permissions(Permission.Contents.Read, Permission.Deployments.Write))
        .Job<Smoke>();
}
