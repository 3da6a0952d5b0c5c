using Pipeline;

namespace Build;

/// <summary>
/// Everything a change must pass, as one name: <c>./build.sh Test</c> locally, the last gate in CI.
/// Its parts are targets of their own, so CI runs Format, Lint and RunTests as parallel jobs; it
/// has no work of its own, so it has no <c>RunAsync</c>.
/// </summary>
public sealed class Test : Target
{
    protected override void Configure(TargetSpec target) => target
        .Description("Checks a change: formatting, analyzers, every test, generated files up to date")
        .DependsOn<Format>()
        .DependsOn<Lint>()
        .DependsOn<RunTests>()
        .DependsOn<TestTotals>()
        .DependsOn<CheckGenerated>();
}
