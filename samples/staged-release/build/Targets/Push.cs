using Pipeline;
using Pipeline.Delivery;

namespace StagedRelease.Build;

/// <summary>
/// Pushes the image once every gate passed: to GHCR under GitHub Actions, else to a registry on
/// 127.0.0.1 that it starts itself, so the whole release runs on one machine.
/// </summary>
public sealed class Push : PushImagesTarget<BuildImage>
{
    protected override ContainerRegistry Registry => ContainerRegistry.UnderGitHubActions(new GitHubContainerRegistry());

    protected override void Extend(TargetSpec target) => target
        .DependsOn<Format>()
        .DependsOn<Lint>()
        .DependsOn<Test>()
        .DependsOn<IntegrationTests>()
        .DependsOn<Coverage>()
        .DependsOn<SecurityScan>()
        .DependsOn<ContainerScan>();
}
