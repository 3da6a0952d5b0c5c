namespace Pipeline.Delivery.Tests.Support;

/// <summary>What <see cref="InlineStep"/> does; registered as a service by each test.</summary>
public sealed record StepAction(Func<TargetContext, Task> Run);

/// <summary>A target that runs a test's code with a real <see cref="TargetContext"/>.</summary>
public sealed class InlineStep(StepAction action) : Target
{
    protected override Task RunAsync(TargetContext context) => action.Run(context);
}

/// <summary>An <see cref="InlineStep"/> with a timeout: its token fires after <see cref="Limit"/>, as a real target's would.</summary>
public sealed class TimedStep(StepAction action) : Target
{
    public static readonly TimeSpan Limit = TimeSpan.FromSeconds(3);

    protected override void Configure(TargetSpec target)
    {
        ArgumentNullException.ThrowIfNull(target);
        target.Timeout(Limit);
    }

    protected override Task RunAsync(TargetContext context) => action.Run(context);
}
