using Pipeline;
using Pipeline.Delivery;

namespace GitOpsService.Build;

/// <summary>The service's image, tagged with its commit only: never <c>latest</c> (the seed's rule, as one line).</summary>
public sealed class BuildImage : BuildImagesTarget
{
    protected override IEnumerable<ContainerImage> Images => [new ContainerImage(ServiceLayout.Application)];

    protected override ImageTagPolicy TagPolicy => ImageTagPolicy.CommitHashOnly;

    protected override void Extend(TargetSpec target) => target.DependsOn<Compile>();
}
