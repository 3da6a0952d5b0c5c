using Pipeline;
using Pipeline.Delivery;

namespace StagedRelease.Build;

/// <summary>
/// Production, after staging passed its tests and its performance gate and (in CI) a person approved the production
/// environment: blue-green. The idle colour gets the image staging tested, must answer /health, then
/// takes the traffic; /health keeps being checked for the health window and a failure switches back
/// to the previous colour and fails the release with what it saw.
/// </summary>
public sealed class DeployProduction : DeployStagingTarget
{
    /// <summary>Where production answers (its ingress) unless <see cref="ReleaseAddresses.ProductionUrl"/> says otherwise, checked after the switch in CI.</summary>
    public static readonly Uri ProductionUrl = new("https://release.example.com");

    protected override string Application => "release-service";

    protected override string EnvironmentName => "production";

    protected override DeploymentStrategy Strategy => DeploymentStrategy.BlueGreen with { HealthWindow = TimeSpan.FromSeconds(5) };

    protected override LocalDockerSettings LocalDocker => new(ContainerPort: 8080);

    protected override KubernetesSettings? Kubernetes => new("production", ContainerPort: 8080) { PublicUrl = ProductionUrl };

    // A runner outside the cluster checks each colour through its preview ingress, not the Service's cluster address.
    protected override KubernetesSettings? KubernetesFor(TargetContext context) => Kubernetes! with
    {
        PublicUrl = ReleaseAddresses.Of(context, ReleaseAddresses.ProductionUrl),
        ColorUrl = color => ReleaseAddresses.Of(context, ReleaseAddresses.ProductionPreviewUrl, color == DeploymentColor.Blue ? "blue" : "green"),
    };

    protected override ImageReference ImageToDeploy(TargetContext context) =>
        PushedImages.At(context.RootDirectory)["release-service"].Pinned;

    protected override void Extend(TargetSpec target) => target
        .Description("Deploys release-service to production: blue-green, rolled back when its health check fails")
        .DependsOn<StagingTests>()
        .DependsOn<PerformanceTests>()
        .Consumes(PushedImages.Artifact)
        .Reads(ReleaseAddresses.ProductionUrl)
        .Reads(ReleaseAddresses.ProductionPreviewUrl);
}
