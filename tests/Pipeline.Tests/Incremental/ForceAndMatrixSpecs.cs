using System.Collections.Concurrent;
using Pipeline.Tests.Support;

namespace Pipeline.Tests.Incremental;

/// <summary><c>--force</c> ignores the up-to-date check; each matrix cell has its own fingerprint.</summary>
public sealed class ForceAndMatrixSpecs
{
    private static readonly MatrixAxis Services = MatrixAxis.Of("service", "auth", "users");

    [Fact]
    public async Task Force_alone_runs_every_target()
    {
        using var run = new IncrementalRun();
        var script = TwoTargets(run.Root);
        await run.RunAsync(script, "B");

        var forced = await run.RunAsync(script, "B", "--force");

        Assert.True(forced.Ran("A"));
        Assert.True(forced.Ran("B"));
        Assert.Contains("ran: --force", forced.SummaryRow("A"), StringComparison.Ordinal);
    }

    [Fact]
    public async Task Force_with_names_runs_only_those()
    {
        using var run = new IncrementalRun();
        var script = TwoTargets(run.Root);
        await run.RunAsync(script, "B");

        var forced = await run.RunAsync(script, "B", "--force", "b");

        Assert.False(forced.Ran("A"));
        Assert.True(forced.Ran("B"));
    }

    [Fact]
    public async Task Force_naming_an_unknown_target_is_a_usage_error()
    {
        using var run = new IncrementalRun();

        var forced = await run.RunAsync(TwoTargets(run.Root), "B", "--force", "Bee");

        Assert.Equal(2, forced.ExitCode);
        Assert.Contains("--force names an unknown target 'Bee'", forced.Error, StringComparison.Ordinal);
        Assert.Empty(forced.Events);
    }

    [Fact]
    public async Task Matrix_cells_have_separate_fingerprints()
    {
        using var run = new IncrementalRun();
        run.Root.Write("src/a.cs", "class A {}");
        var ran = new ConcurrentBag<string>();
        var script = new Script().Target<A>(t => t.Matrix(Services).Inputs(i => i.Files("src/*.cs")), c =>
        {
            ran.Add(c.Matrix!.Get(Services));
            return Task.CompletedTask;
        });

        // A CI leg runs one cell; the next run of both cells finds that one up to date.
        run.Variables[TargetMatrix.VariableOf("service")] = "auth";
        await run.RunAsync(script, "A");
        run.Variables.Clear();
        var both = await run.RunAsync(script, "A");
        var again = await run.RunAsync(script, "A");

        Assert.Equal(["auth", "users"], ran.Order());
        Assert.Contains("ran: [service=users] no earlier success recorded", both.SummaryRow("A"), StringComparison.Ordinal);
        Assert.Contains("up to date: all 2 cells up to date", again.SummaryRow("A"), StringComparison.Ordinal);
    }

    private static Script TwoTargets(TempRoot root)
    {
        root.Write("src/a.cs", "class A {}");
        return new Script()
            .Target<A>(t => t.Inputs(i => i.Files("src/*.cs")))
            .Target<B>(t => t.DependsOn<A>().Inputs(i => i.Files("src/*.cs")));
    }
}
