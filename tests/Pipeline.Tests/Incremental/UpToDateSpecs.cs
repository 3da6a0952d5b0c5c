using Pipeline.Tests.Support;

namespace Pipeline.Tests.Incremental;

/// <summary>A target with declared inputs does not run again while they are unchanged; one without inputs always runs.</summary>
public sealed class UpToDateSpecs
{
    [Fact]
    public async Task After_a_success_with_nothing_changed_it_is_up_to_date_and_does_not_run()
    {
        using var run = new IncrementalRun();
        run.Root.Write("src/a.cs", "class A {}");
        var script = Compiler(run.Root);

        var first = await run.RunAsync(script, "A");
        var second = await run.RunAsync(script, "A");

        Assert.Equal(0, first.ExitCode);
        Assert.True(first.Ran("A"));
        Assert.Contains("ran: no earlier success recorded", first.SummaryRow("A"), StringComparison.Ordinal);
        Assert.Equal(0, second.ExitCode);
        Assert.False(second.Ran("A"), "an unchanged target must not run");
        Assert.Contains("up to date: no input changed since its last success", second.SummaryRow("A"), StringComparison.Ordinal);
        Assert.Equal("compiled", run.Root.Read("out/a.txt"));
    }

    [Fact]
    public async Task A_target_without_inputs_always_runs()
    {
        using var run = new IncrementalRun();
        var script = new Script().Target<A>(t => t.OutputFiles("out/a.txt"));

        await run.RunAsync(script, "A");
        var second = await run.RunAsync(script, "A");

        Assert.True(second.Ran("A"));
        Assert.EndsWith("succeeded", second.SummaryRow("A"), StringComparison.Ordinal);
    }

    [Fact]
    public async Task After_a_failure_it_runs_again()
    {
        using var run = new IncrementalRun();
        run.Root.Write("src/a.cs", "class A {}");
        var fail = true;
        var script = new Script().Target<A>(
            t => t.Inputs(i => i.Files("src/**/*.cs")),
            _ => fail ? throw new TargetFailedException("boom") : Task.CompletedTask);

        var failed = await run.RunAsync(script, "A");
        fail = false;
        var second = await run.RunAsync(script, "A");

        Assert.Equal(1, failed.ExitCode);
        Assert.True(second.Ran("A"), "a failed run must never make a target up to date");
        Assert.Contains("ran: no earlier success recorded", second.SummaryRow("A"), StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_failure_after_a_success_forgets_the_success()
    {
        using var run = new IncrementalRun();
        run.Root.Write("src/a.cs", "class A {}");
        var fail = false;
        var script = new Script().Target<A>(
            t => t.Inputs(i => i.Files("src/**/*.cs")),
            _ => fail ? throw new TargetFailedException("boom") : Task.CompletedTask);

        await run.RunAsync(script, "A");
        fail = true;
        var forcedFailure = await run.RunAsync(script, "A", "--force");
        fail = false;
        var third = await run.RunAsync(script, "A");

        Assert.Equal(1, forcedFailure.ExitCode);
        Assert.True(third.Ran("A"), "its outputs may be half-written by the failed run: it must run again");
    }

    [Fact]
    public async Task After_a_cancellation_it_runs_again()
    {
        using var run = new IncrementalRun();
        run.Root.Write("src/a.cs", "class A {}");
        using var cancel = new CancellationTokenSource();
        var block = true;
        var script = new Script().Target<A>(
            t => t.Inputs(i => i.Files("src/**/*.cs")),
            async c =>
            {
                if (block)
                {
                    await cancel.CancelAsync();
                    await Task.Delay(Timeout.Infinite, c.Cancellation);
                }
            });

        var canceled = await script.RunAsync(["A"], run.Variables, run.Root, cancel.Token);
        block = false;
        var second = await run.RunAsync(script, "A");

        Assert.Equal(130, canceled.ExitCode);
        Assert.True(second.Ran("A"), "a canceled run must never make a target up to date");
    }

    [Fact]
    public async Task An_up_to_date_dependency_counts_as_a_success_for_its_dependents()
    {
        using var run = new IncrementalRun();
        run.Root.Write("src/a.cs", "class A {}");
        var script = Compiler(run.Root).Target<B>(t => t.DependsOn<A>());

        await run.RunAsync(script, "B");
        var second = await run.RunAsync(script, "B");

        Assert.Equal(0, second.ExitCode);
        Assert.False(second.Ran("A"));
        Assert.True(second.Ran("B"));
    }

    internal static Script Compiler(TempRoot root) => new Script().Target<A>(
        t => t.Inputs(i => i.Files("src/**/*.cs", "**/obj/**")).OutputFiles("out/a.txt"),
        _ =>
        {
            root.Write("out/a.txt", "compiled");
            return Task.CompletedTask;
        });
}
