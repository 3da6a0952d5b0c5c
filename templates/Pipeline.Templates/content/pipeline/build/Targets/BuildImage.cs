using Pipeline;
using Pipeline.Delivery;

namespace Build;

/// <summary>docker build of the Dockerfile at the root, tagged from the commit.</summary>
public sealed class BuildImage : BuildImagesTarget
{
    protected override IEnumerable<ContainerImage> Images => [new ContainerImage(Application.Name)];

#if (isNone)
    protected override void Extend(TargetSpec target) => target.DependsOn<Check>();
#else
    protected override void Extend(TargetSpec target) => target.DependsOn<Test>();
#endif
}

/// <summary>The one name the image, the registry path and the deployment share.</summary>
public static class Application
{
    public const string Name = "app";
}
