using Pipeline;
using Pipeline.Delivery;

namespace AccountsService.Build;

/// <summary>
/// Pushes both images, the API's and the executor's: to GHCR under GitHub Actions (the main workflow
/// only: pull requests never run this target), else to a registry on 127.0.0.1 that it starts itself,
/// so the pipeline runs on one machine. In CI its job downloads what each build job saved.
/// </summary>
public sealed class Push : PushImagesTarget<BuildApi>
{
    protected override ContainerRegistry Registry => ContainerRegistry.UnderGitHubActions(new GitHubContainerRegistry());

    protected override void Extend(TargetSpec target) => target.DependsOn<BuildExecutor>(); // it pushes every image built before it
}
