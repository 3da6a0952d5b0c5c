using Pipeline.Tests.Support;

namespace Pipeline.Tests.Planning;

/// <summary><c>--plan</c> shows which targets set and read typed outputs (issue 13).</summary>
public sealed class PlanOutputsSpecs
{
    public static readonly Output<string> Version = new("The version to stamp");
    public static readonly Output<bool> IsRelease = new("Whether this is a release");

    [Fact]
    public async Task The_plan_shows_the_outputs_each_target_sets_and_reads()
    {
        var script = new Script()
            .Target<A>(t => t.Produces(Version).Produces(IsRelease))
            .Target<B>(t => t.DependsOn<A>().Consumes(Version))
            .Target<C>(t => t.DependsOn<B>());

        var run = await script.RunAsync("C", "--plan");

        Assert.Equal(0, run.ExitCode);
        var lines = run.Output.Split('\n');
        Assert.Contains("Outputs", lines.First(l => l.Contains("Wave", StringComparison.Ordinal)), StringComparison.Ordinal);
        Assert.EndsWith("sets Version, IsRelease", lines.First(l => l.Contains(" A ", StringComparison.Ordinal)).TrimEnd(), StringComparison.Ordinal);
        Assert.EndsWith("reads Version", lines.First(l => l.Contains(" B ", StringComparison.Ordinal)).TrimEnd(), StringComparison.Ordinal);
        Assert.DoesNotContain("sets", lines.First(l => l.Contains(" C ", StringComparison.Ordinal)), StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_plan_without_outputs_has_no_outputs_column()
    {
        var run = await new Script().Target<A>().RunAsync("A", "--plan");

        Assert.DoesNotContain("Outputs", run.Output, StringComparison.Ordinal);
    }
}
