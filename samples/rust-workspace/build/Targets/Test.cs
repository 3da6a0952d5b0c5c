using Pipeline;
using Pipeline.Components.Testing;

namespace RustWorkspace.Build;

/// <summary>
/// <c>cargo test -p &lt;crate&gt;</c>, one matrix cell per crate (in CI: one job each, each uploading
/// its own results), after the format and lint gates pass.
/// </summary>
public sealed class Test : TestTarget
{
    protected override IEnumerable<ITestSuite> Suites => Crates.Axis.Values.Select(Suite);

    protected override IEnumerable<ITestSuite> SuitesFor(TargetContext context) => [Suite(context.Matrix!["crate"])];

    protected override void Extend(TargetSpec target) => target
        .Description("Runs each crate's tests (a matrix over the crates)")
        .DependsOn<Format>()
        .DependsOn<Lint>()
        .Matrix(Crates.Axis, failFast: false);

    private static CargoTests Suite(string crate) => new(".", crate, ["--locked"]);
}
