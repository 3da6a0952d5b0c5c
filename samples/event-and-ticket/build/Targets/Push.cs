using Pipeline;
using Pipeline.Delivery;

namespace EventAndTicket.Build;

/// <summary>
/// Pushes both images once Test (with its coverage gate) and Lint passed: to GHCR under GitHub Actions,
/// else to a registry on 127.0.0.1 that it starts itself. Never on pull requests.
/// </summary>
public sealed class Push : PushImagesTarget<BuildImages>
{
    protected override ContainerRegistry Registry => ContainerRegistry.UnderGitHubActions(new GitHubContainerRegistry());

    protected override void Extend(TargetSpec target) => target.DependsOn<Coverage>().DependsOn<Lint>();
}
