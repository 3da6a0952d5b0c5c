using Pipeline.Delivery;

namespace AccountsService.Build;

/// <summary>
/// Pushes the image: to GHCR under GitHub Actions (the main workflow only: pull requests never run
/// this target), else to a registry on 127.0.0.1 that it starts itself, so the pipeline runs on one machine.
/// </summary>
public sealed class Push : PushImagesTarget<BuildImage>
{
    protected override ContainerRegistry Registry => ContainerRegistry.UnderGitHubActions(new GitHubContainerRegistry());
}
