using Pipeline.Tests.Support;

namespace Pipeline.Tests.Incremental;

/// <summary><c>--plan</c> says, for each target with inputs, whether it is up to date or why it runs; it changes nothing.</summary>
public sealed class PlanSpecs
{
    private static readonly Output<string> Version = new("The version");

    [Fact]
    public async Task The_plan_shows_up_to_date_or_why_a_target_runs()
    {
        using var run = new IncrementalRun();
        run.Root.Write("src/a.cs", "class A {}");
        var script = UpToDateSpecs.Compiler(run.Root).Target<B>(t => t.DependsOn<A>()).Target<C>(t => t.Inputs(i => i.Files("docs/*.md")));
        var before = await run.RunAsync(script, "B", "--plan");
        await run.RunAsync(script, "B", "C");

        var unchanged = await run.RunAsync(script, "B", "C", "--plan");
        run.Root.Write("src/a.cs", "class A { }");
        var edited = await run.RunAsync(script, "B", "C", "--plan");

        Assert.Contains("runs: no earlier success recorded", Row(before, "A"), StringComparison.Ordinal);
        Assert.Contains("up to date", Row(unchanged, "A"), StringComparison.Ordinal);
        Assert.Contains("up to date", Row(unchanged, "C"), StringComparison.Ordinal);
        Assert.DoesNotContain("up to date", Row(unchanged, "B"), StringComparison.Ordinal);
        Assert.DoesNotContain("runs", Row(unchanged, "B"), StringComparison.Ordinal);
        Assert.Contains("runs: file src/a.cs edited", Row(edited, "A"), StringComparison.Ordinal);
        Assert.Empty(edited.Events);
        Assert.True(File.Exists(run.Root.Path / ".nuke" / "temp" / "fingerprints" / "A.json"), "the plan must not forget anything");
    }

    [Fact]
    public async Task The_plan_reads_an_upstream_output_from_an_up_to_date_producer()
    {
        using var run = new IncrementalRun();
        run.Root.Write("src/a.cs", "class A {}");
        var script = new Script()
            .Target<A>(t => t.Inputs(i => i.Files("src/*.cs")).Produces(Version), c =>
            {
                c.Set(Version, "1.0");
                return Task.CompletedTask;
            })
            .Target<B>(t => t.DependsOn<A>().Inputs(i => i.Output(Version)));
        await run.RunAsync(script, "B");

        var unchanged = await run.RunAsync(script, "B", "--plan");
        run.Root.Write("src/a.cs", "class A { }");
        var edited = await run.RunAsync(script, "B", "--plan");

        Assert.Contains("up to date", Row(unchanged, "B"), StringComparison.Ordinal);
        Assert.Contains("runs unless the output Version is unchanged (it is set by A, which runs)", Row(edited, "B"), StringComparison.Ordinal);
    }

    private static string Row(RunOutcome plan, string target) =>
        plan.Output.Split('\n').Single(l => l.Split(' ', StringSplitOptions.RemoveEmptyEntries) is [_, var name, ..] && name == target);
}
