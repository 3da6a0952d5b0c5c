using Pipeline;
using Pipeline.Delivery;

namespace StagedRelease.Build;

/// <summary>The release-service image: the static binary on an empty base, tagged from the commit.</summary>
public sealed class BuildImage : BuildImagesTarget
{
    protected override IEnumerable<ContainerImage> Images => [new ContainerImage("release-service")];

    protected override void Extend(TargetSpec target) => target.DependsOn<Compile>();
}
