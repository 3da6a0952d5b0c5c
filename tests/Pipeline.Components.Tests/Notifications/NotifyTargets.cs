using Pipeline.Components.Notifications;

namespace Pipeline.Components.Tests.Notifications;

/// <summary>Whether the test's build fails.</summary>
public sealed record BuildOutcome(bool Fails);

public sealed class Compile : Target
{
    protected override Task RunAsync(TargetContext context) => Task.CompletedTask;
}

public sealed class Package(BuildOutcome outcome) : Target
{
    protected override void Configure(TargetSpec target) => target.DependsOn<Compile>();

    protected override Task RunAsync(TargetContext context) =>
        outcome.Fails ? throw new TargetFailedException("the image did not build: no Dockerfile") : Task.CompletedTask;
}

public sealed class Deploy : Target
{
    protected override void Configure(TargetSpec target) => target.DependsOn<Package>();
}

/// <summary>The notification after the whole pipeline, retrying quickly for the test.</summary>
public sealed class Notify : NotifyTarget
{
    protected override TimeSpan FirstRetryDelay => TimeSpan.FromMilliseconds(10);

    protected override void Extend(TargetSpec target) => target.DependsOn<Deploy>();
}
