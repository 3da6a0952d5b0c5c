namespace Pipeline.Delivery.Tests.Support;

/// <summary>What <see cref="InlineStep"/> does; registered as a service by each test.</summary>
public sealed record StepAction(Func<TargetContext, Task> Run);

/// <summary>A target that runs a test's code with a real <see cref="TargetContext"/>.</summary>
public sealed class InlineStep(StepAction action) : Target
{
    protected override Task RunAsync(TargetContext context) => action.Run(context);
}
