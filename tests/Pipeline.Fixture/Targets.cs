namespace Pipeline.Fixture;

public static class FixtureParameters
{
    public static readonly Parameter<AbsolutePath> PidFile = Parameter.Create<AbsolutePath>("Where Sleep writes its grandchild's pid");
}

public sealed class Hello : Target
{
    protected override void Configure(TargetSpec target) => target.Description("Says hello");

    protected override Task RunAsync(TargetContext context)
    {
        context.Log.Info("hello");
        return Task.CompletedTask;
    }
}

/// <summary>Starts a shell that starts a sleeper, writes the sleeper's pid, and waits: a tree to kill.</summary>
public sealed class Sleep : Target
{
    protected override void Configure(TargetSpec target) => target.Requires(FixtureParameters.PidFile);

    protected override Task RunAsync(TargetContext context) =>
        context.RunAsync("sh", "-c", $"sleep 300 & echo $! > '{context.Get(FixtureParameters.PidFile)}'; wait");
}

/// <summary>
/// Starts a daemon the way tools do (its own session, an emptied environment, its parent gone at
/// once: nothing marks it as ours), a process detached on purpose, then waits. The daemon's pid goes
/// to the pid file, the detached process's to the same path with ".detached" appended.
/// </summary>
public sealed class Daemon : Target
{
    protected override void Configure(TargetSpec target) => target.Requires(FixtureParameters.PidFile);

    protected override async Task RunAsync(TargetContext context)
    {
        var pidFile = context.Get(FixtureParameters.PidFile);
        var detached = await context.StartDetachedAsync(new ToolCommand("sleep").AddArguments("300"));
        await File.WriteAllTextAsync(pidFile + ".detached", detached.ToString(System.Globalization.CultureInfo.InvariantCulture));
        await context.RunAsync(
            "sh", "-c", "(setsid env -i sh -c 'echo $$ > \"$0\"; exec sleep 300' \"$0\" >/dev/null 2>&1 </dev/null &); exec sleep 300", pidFile.ToString());
    }
}

public sealed class Fail : Target
{
    protected override Task RunAsync(TargetContext context) => throw new InvalidOperationException("failing on purpose");
}

/// <summary>
/// Starts a daemon (its parent exits, so the pipeline adopts it), stops it, and waits for its pid to
/// go, as `pg_ctl stop` does: an adopted zombie nobody reaps would keep that wait going forever.
/// </summary>
public sealed class StopDaemon : Target
{
    protected override void Configure(TargetSpec target) => target.Requires(FixtureParameters.PidFile);

    protected override Task RunAsync(TargetContext context) => context.RunAsync(
        "sh", "-c",
        """
        (sleep 300 >/dev/null 2>&1 </dev/null & echo $! > "$0")
        sleep 0.5
        pid="$(cat "$0")"
        kill "$pid"
        for _ in $(seq 200); do kill -0 "$pid" 2>/dev/null || exit 0; sleep 0.1; done
        echo "pid $pid is still there after 20 s" >&2
        exit 1
        """,
        context.Get(FixtureParameters.PidFile).ToString());
}
