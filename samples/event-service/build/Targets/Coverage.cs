using Pipeline;
using Pipeline.Components.Coverage;

namespace EventService.Build;

/// <summary>Line coverage of the Go packages, with an HTML report; below 50% fails (the seed's gate).</summary>
public sealed class Coverage : CoverageTarget
{
    protected override IEnumerable<ICoverageSource> Sources => [new GoCoverage(".")];

    protected override Percentage Threshold => new(50);

    protected override void Extend(TargetSpec target) => target.After<Test>();
}
