using Pipeline;
using Pipeline.Delivery;

namespace GitOpsService.Build;

/// <summary>
/// Pushes the image once the gates and the scan passed: to Docker Hub under GitHub Actions (the seed's
/// docker.io/codevertex), else to a registry on 127.0.0.1 that it starts itself.
/// </summary>
public sealed class Push : PushImagesTarget<BuildImage>
{
    protected override ContainerRegistry Registry => ContainerRegistry.UnderGitHubActions(new DockerHub("codevertex"));

    protected override void Extend(TargetSpec target) => target
        .DependsOn<Format>()
        .DependsOn<Lint>()
        .DependsOn<Test>()
        .DependsOn<Scan>();
}
