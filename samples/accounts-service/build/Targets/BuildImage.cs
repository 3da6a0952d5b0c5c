using Pipeline;
using Pipeline.Delivery;

namespace AccountsService.Build;

/// <summary>The accounts-service image from out/image/ on an empty base, tagged from the commit; built on pull requests too, never pushed there.</summary>
public sealed class BuildImage : BuildImagesTarget
{
    protected override IEnumerable<ContainerImage> Images => [new ContainerImage("accounts-service")];

    protected override void Extend(TargetSpec target) => target
        .DependsOn<Lint>()
        .DependsOn<Test>()
        .DependsOn<Publish>();
}
