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

public sealed class Fail : Target
{
    protected override Task RunAsync(TargetContext context) => throw new InvalidOperationException("failing on purpose");
}
