using Pipeline;

namespace Build;

/// <summary>A first target of your own: replace the command with what your repository needs.</summary>
public sealed class Check : Target
{
    protected override void Configure(TargetSpec target) => target
        .Description("Checks the repository (replace with your own command)");

    protected override Task RunAsync(TargetContext context) =>
        context.RunAsync("git", "status", "--short");
}
