using Pipeline;
using Pipeline.Delivery;

namespace Build;

/// <summary>Pushes the image: to GHCR under GitHub Actions, else to a registry on 127.0.0.1 that it starts itself.</summary>
public sealed class Push : PushImagesTarget<BuildImage>
{
    protected override ContainerRegistry Registry => ContainerRegistry.UnderGitHubActions(new GitHubContainerRegistry());
}
