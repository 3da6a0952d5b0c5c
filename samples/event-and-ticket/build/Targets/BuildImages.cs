using Pipeline;
using Pipeline.Delivery;

namespace EventAndTicket.Build;

/// <summary>Both images, tagged from the commit, and <c>latest</c> on main: the seed's policy, in one line.</summary>
public sealed class BuildImages : BuildImagesTarget
{
    protected override IEnumerable<ContainerImage> Images => Service.All.Select(s => s.Image);

    protected override LatestTag Latest => LatestTag.OnBranch("main");

    protected override void Extend(TargetSpec target) => target.DependsOn<Compile>();
}
