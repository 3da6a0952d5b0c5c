using Pipeline;
using Pipeline.Delivery;

namespace RustWorkspace.Build;

/// <summary>An image per service from the one Dockerfile, tagged from the commit; never on a pull request (the seed's push-only stage).</summary>
public sealed class BuildImages : BuildImagesTarget
{
    protected override IEnumerable<ContainerImage> Images =>
        Services.Axis.Values.Select(s => new ContainerImage(Services.Crate(s)).WithBuildArg("SERVICE", Services.Crate(s)));

    protected override void Extend(TargetSpec target) => target
        .DependsOn<BuildRelease>()
        .DependsOn<IntegrationTests>() // the seed's build-and-push needs integration-tests
        .Consumes(BuildRelease.Binaries)
        .OnlyWhen(!Condition.OnPullRequest);
}
