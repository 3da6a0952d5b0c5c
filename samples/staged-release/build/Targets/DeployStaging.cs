using Pipeline;
using Pipeline.Delivery;

namespace StagedRelease.Build;

/// <summary>
/// Deploys the pushed image (pinned by digest) to staging with a rolling update: a container on
/// 127.0.0.1 by default, the staging namespace of the cluster with <c>--deploy-driver Kubernetes</c> (CI).
/// </summary>
public sealed class DeployStaging : DeployStagingTarget
{
    /// <summary>Where staging answers in the cluster (its ingress) unless <see cref="ReleaseAddresses.StagingUrl"/> says otherwise; the staging tests use it in CI.</summary>
    public static readonly Uri StagingUrl = new("https://release.staging.example.com");

    protected override string Application => "release-service";

    protected override LocalDockerSettings LocalDocker => new(ContainerPort: 8080);

    protected override KubernetesSettings? Kubernetes => new("staging", ContainerPort: 8080) { PublicUrl = StagingUrl };

    protected override KubernetesSettings? KubernetesFor(TargetContext context) =>
        Kubernetes! with { PublicUrl = ReleaseAddresses.Of(context, ReleaseAddresses.StagingUrl) };

    protected override ImageReference ImageToDeploy(TargetContext context) =>
        PushedImages.At(context.RootDirectory)["release-service"].Pinned;

    protected override void Extend(TargetSpec target) => target
        .DependsOn<Push>()
        .Consumes(PushedImages.Artifact) // the digest Push read back, in CI from its job
        .Reads(ReleaseAddresses.StagingUrl);
}
