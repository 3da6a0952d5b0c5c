using Pipeline;
using Pipeline.Components.Coverage;

namespace RustWorkspace.Build;

/// <summary>
/// The seed's code-coverage job: the unit tests of every crate (<c>--lib --bins</c>, as
/// <see cref="TestServices"/> runs them; the integration tests need servers) built with coverage, line
/// coverage per crate with an HTML report, and below 50% of the workspace it fails. It follows the tests;
/// <see cref="Push"/> waits for it, <see cref="BuildRelease"/> does not: a coverage failure still builds
/// the release but pushes and deploys nothing.
/// </summary>
public sealed class Coverage : CoverageTarget
{
    protected override IEnumerable<ICoverageSource> Sources => [new RustCoverage(".", ["--locked", "--lib", "--bins"])];

    protected override Percentage Threshold => new(50);

    protected override void Extend(TargetSpec target) => target.DependsOn<TestServices>();
}
