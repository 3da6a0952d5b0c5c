using Pipeline;
using Pipeline.Delivery;

namespace RustWorkspace.Build;

/// <summary>
/// Deploys each service's pushed image (pinned by digest) to staging, one matrix cell per service,
/// on main only: a container on 127.0.0.1 by default, the cluster's staging namespace with
/// <c>--deploy-driver Kubernetes</c> (CI, EKS through the kubeconfig secret).
/// </summary>
public sealed class DeployStaging : DeployStagingTarget
{
    protected override string Application => "services";

    protected override string ApplicationFor(TargetContext context) => Services.Crate(Services.Of(context));

    protected override string EnvironmentFor(TargetContext context) => Services.StagingOf(Services.Of(context));

    protected override LocalDockerSettings LocalDocker => new(ContainerPort: 8080) { SettleTime = TimeSpan.FromSeconds(1) };

    protected override KubernetesSettings? Kubernetes => new("staging", ContainerPort: 8080);

    protected override KubernetesSettings? KubernetesFor(TargetContext context) =>
        Kubernetes! with { PublicUrl = Services.StagingUrl(Services.Of(context)) };

    protected override ImageReference ImageToDeploy(TargetContext context) =>
        PushedImages.At(context.RootDirectory)[Services.Crate(Services.Of(context))].Pinned;

    protected override void Extend(TargetSpec target) => target
        .DependsOn<Push>()
        .Consumes(PushedImages.Artifact)
        .OnlyWhen(!Condition.OnPullRequest & Condition.OnBranch("main"))
        .Matrix(Services.Axis, maxParallel: Services.MaxParallel, failFast: false);
}
