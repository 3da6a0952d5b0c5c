namespace Pipeline.Probes;

/// <summary>Succeeds but leaves a background child of its process running (sleep 30011).</summary>
public sealed class LeaveProcesses : Target
{
    protected override Task RunAsync(TargetContext context) => context.RunAsync("sh", "-c", "sleep 30011 >/dev/null 2>&1 &");
}

/// <summary>Starts a daemon that leaves its parent, the process group and the environment behind (sleep 30012), then waits.</summary>
public sealed class LeaveDaemon : Target
{
    protected override Task RunAsync(TargetContext context) =>
        context.RunAsync("sh", "-c", "(setsid env -i sleep 30012 >/dev/null 2>&1 &); sleep 30013");
}

/// <summary>Runs until it is interrupted (sleep 30014 under a shell).</summary>
public sealed class Hang : Target
{
    protected override Task RunAsync(TargetContext context) => context.RunAsync("sh", "-c", "sleep 30014 & wait");
}

/// <summary>The last target running times out (sleep 30015).</summary>
public sealed class TimeOut : Target
{
    protected override void Configure(TargetSpec target) => target.Timeout(TimeSpan.FromSeconds(1));

    protected override Task RunAsync(TargetContext context) => context.RunAsync("sh", "-c", "sleep 30015 & wait");
}

/// <summary>Succeeds but leaves a background child that still holds its output pipes (sleep 30016).</summary>
public sealed class LeaveProcessHoldingOutput : Target
{
    protected override Task RunAsync(TargetContext context) => context.RunAsync("sh", "-c", "sleep 30016 &");
}
