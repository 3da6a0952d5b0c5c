using Pipeline;
using Pipeline.Components.Coverage;

namespace StagedRelease.Build;

/// <summary>
/// The seed's coverage gate: line coverage of every Go package (the ones without tests count as
/// uncovered), with an HTML report; below 85% the release stops. Measured on the unit tests alone,
/// which reach the store clients through scripted servers; the integration tests skip here.
/// </summary>
public sealed class Coverage : CoverageTarget
{
    protected override IEnumerable<ICoverageSource> Sources => [new GoCoverage(".")];

    protected override Percentage Threshold => new(85);

    protected override void Extend(TargetSpec target) => target.DependsOn<Test>();
}
