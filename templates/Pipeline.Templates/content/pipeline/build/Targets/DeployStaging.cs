using Pipeline;
using Pipeline.Delivery;

namespace Build;

/// <summary>Runs the pushed image as a container on 127.0.0.1 (see the Kubernetes and GitOps settings to deploy elsewhere).</summary>
public sealed class DeployStaging : DeployStagingTarget
{
    protected override string Application => Build.Application.Name;

    protected override LocalDockerSettings LocalDocker => new(ContainerPort: 8080);

    protected override ImageReference ImageToDeploy(TargetContext context) =>
        PushedImages.At(context.RootDirectory)[Build.Application.Name].Pinned;

    protected override void Extend(TargetSpec target) => target.DependsOn<Push>().Consumes(PushedImages.Artifact);
}
