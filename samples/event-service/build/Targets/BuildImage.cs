using Pipeline;
using Pipeline.Delivery;

namespace EventService.Build;

/// <summary>The event-service image: the static binary on an empty base, tagged from the commit.</summary>
public sealed class BuildImage : BuildImagesTarget
{
    protected override IEnumerable<ContainerImage> Images => [new ContainerImage("event-service")];

    protected override void Extend(TargetSpec target) => target.DependsOn<Compile>();
}
