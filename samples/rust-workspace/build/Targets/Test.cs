using Pipeline;

namespace RustWorkspace.Build;

/// <summary>
/// <c>cargo test -p &lt;crate&gt;</c>, one matrix cell per crate (in CI: one job each), after the
/// format and lint gates pass.
/// </summary>
public sealed class Test : Target
{
    protected override void Configure(TargetSpec target) => target
        .Description("Runs each crate's tests (a matrix over the crates)")
        .DependsOn<Format>()
        .DependsOn<Lint>()
        .Uses(Toolchain.Cargo)
        .Matrix(Crates.Axis, failFast: false);

    protected override Task RunAsync(TargetContext context) =>
        context.RunAsync(new ToolCommand("cargo").WithArguments("test", "--package", context.Matrix!["crate"], "--locked"));
}
