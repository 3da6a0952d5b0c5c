using Pipeline;

namespace RustWorkspace.Build;

/// <summary>The blocking gate every later stage waits for: cargo fmt and cargo clippy, in one CI job.</summary>
public sealed class FormatAndLint : Target
{
    protected override void Configure(TargetSpec target) => target
        .Description("The gate: formatting and clippy, both blocking")
        .DependsOn<Format>()
        .DependsOn<Lint>();

    protected override Task RunAsync(TargetContext context) => Task.CompletedTask;
}
