namespace Pipeline.Probes;

public sealed class NeedsVersion : Target
{
    protected override void Configure(TargetSpec target) => target.Requires(ProbeParameters.Version).Reads(ProbeParameters.Labels);

    protected override Task RunAsync(TargetContext context)
    {
        context.Log.Info("version " + context.Get(ProbeParameters.Version));
        return Task.CompletedTask;
    }
}

public sealed class NeedsTool : Target
{
    protected override void Configure(TargetSpec target) => target.Requires(new RequiredTool("probe-tool-that-is-not-installed", "install it from nowhere"));

    protected override Task RunAsync(TargetContext context) => context.RunAsync("probe-tool-that-is-not-installed");
}

public sealed class CycleA : Target
{
    protected override void Configure(TargetSpec target) => target.DependsOn<CycleB>();

    protected override Task RunAsync(TargetContext context) => Task.CompletedTask;
}

public sealed class CycleB : Target
{
    protected override void Configure(TargetSpec target) => target.DependsOn<CycleA>();

    protected override Task RunAsync(TargetContext context) => Task.CompletedTask;
}
