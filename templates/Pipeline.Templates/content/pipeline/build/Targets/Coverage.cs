using Pipeline;
using Pipeline.Components.Coverage;

namespace Build;

/// <summary>Line coverage with an HTML report in artifacts/coverage; fails below the threshold.</summary>
public sealed class Coverage : CoverageTarget
{
#if (isDotNet)
    protected override IEnumerable<ICoverageSource> Sources => [new DotNetCoverage("PIPELINE_SOLUTION")];
#else
    protected override IEnumerable<ICoverageSource> Sources => [new GoCoverage(".")];
#endif

    // Starts at 0 so a new repository passes; raise it to the coverage you mean to keep.
    protected override Percentage Threshold => new(0);

    protected override void Extend(TargetSpec target) => target.After<Test>();
}
