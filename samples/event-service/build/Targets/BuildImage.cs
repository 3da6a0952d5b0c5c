using Pipeline;
using Pipeline.Delivery;

namespace EventService.Build;

/// <summary>The event-service image: the static binary on an empty base, tagged from the commit.</summary>
public sealed class BuildImage(PipelineEnvironment environment) : BuildImagesTarget(environment)
{
    protected override IEnumerable<ContainerImage> Images => [new ContainerImage("event-service")];

    protected override void Configure(TargetSpec target)
    {
        base.Configure(target);
        target.DependsOn<Compile>();
    }
}
