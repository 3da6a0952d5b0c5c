using Pipeline.Tests.Support;

namespace Pipeline.Tests.Execution;

public sealed class SchedulingSpecs
{
    [Fact]
    public async Task Two_independent_targets_really_run_at_the_same_time()
    {
        // Each waits for the other to arrive: run one after the other, the first would time out.
        var rendezvous = new Rendezvous(2);
        var script = new Script()
            .Target<A>(action: c => rendezvous.ArriveAsync(c.Cancellation))
            .Target<B>(action: c => rendezvous.ArriveAsync(c.Cancellation));

        var run = await script.RunAsync("A", "B");

        Assert.Equal(0, run.ExitCode);
        Assert.Equal(2, script.MaxConcurrency);
    }

    [Fact]
    public async Task A_dependent_never_starts_before_its_dependency_has_ended()
    {
        var script = new Script()
            .Target<A>(action: _ => Task.Delay(150))
            .Target<B>(action: _ => Task.Delay(50))
            .Target<C>(t => t.DependsOn<A>().DependsOn<B>());

        await script.RunAsync("C");

        Assert.True(script.When("C", "start") > script.When("A", "end"));
        Assert.True(script.When("C", "start") > script.When("B", "end"));
    }

    [Fact]
    public async Task After_and_triggers_order_the_run_as_well()
    {
        var script = new Script()
            .Target<A>(t => t.Triggers<B>(), _ => Task.Delay(100))
            .Target<B>()
            .Target<C>(t => t.After<A>());

        await script.RunAsync("C", "A");

        Assert.True(script.When("B", "start") > script.When("A", "end"));
        Assert.True(script.When("C", "start") > script.When("A", "end"));
    }

    [Fact]
    public async Task Max_parallel_bounds_how_many_targets_run_at_once()
    {
        var rendezvous = new Rendezvous(2);
        Task Work(TargetContext c) => rendezvous.ArriveAsync(c.Cancellation).ContinueWith(_ => Task.Delay(100), TaskScheduler.Default).Unwrap();
        var script = new Script().Target<A>(action: Work).Target<B>(action: Work).Target<C>(action: Work).Target<D>(action: Work);

        var run = await script.RunAsync("A", "B", "C", "D", "--max-parallel", "2");

        Assert.Equal(0, run.ExitCode);
        Assert.Equal(2, script.MaxConcurrency);
    }

    [Fact]
    public async Task Max_parallel_1_runs_targets_one_at_a_time_in_plan_order()
    {
        var script = new Script().Target<A>().Target<B>().Target<C>();

        await script.RunAsync("C", "A", "B", "--max-parallel", "1");

        Assert.Equal(1, script.MaxConcurrency);
    }

    [Fact]
    public async Task A_failure_skips_its_dependents_lets_independent_work_finish_and_fails_the_run()
    {
        var script = new Script()
            .Target<A>(action: _ => throw new InvalidOperationException("boom"))
            .Target<B>(t => t.DependsOn<A>())
            .Target<C>(t => t.DependsOn<B>())
            .Target<D>(action: _ => Task.Delay(200));

        var run = await script.RunAsync("C", "D");

        Assert.Equal(ExitCodes.TargetFailed, run.ExitCode);
        Assert.False(script.Ran("B"));
        Assert.False(script.Ran("C"));
        Assert.True(script.Ran("D"));
        Assert.Contains("failed: boom", run.SummaryRow("A"));
        Assert.Contains("skipped: dependency A failed", run.SummaryRow("B"));
        Assert.Contains("skipped: dependency A failed", run.SummaryRow("C")); // the root cause, not "B was skipped"
        Assert.Contains("succeeded", run.SummaryRow("D"));
    }

    [Fact]
    public async Task After_is_ordering_only_so_a_failure_before_does_not_skip()
    {
        var script = new Script()
            .Target<A>(action: _ => throw new InvalidOperationException("boom"))
            .Target<B>(t => t.After<A>());

        var run = await script.RunAsync("A", "B");

        Assert.True(script.Ran("B"));
        Assert.Equal(ExitCodes.TargetFailed, run.ExitCode);
    }

    [Fact]
    public async Task A_failed_trigger_does_not_trigger()
    {
        var script = new Script()
            .Target<A>(t => t.Triggers<B>(), _ => throw new InvalidOperationException("boom"))
            .Target<B>();

        var run = await script.RunAsync("A");

        Assert.False(script.Ran("B"));
        Assert.Contains("skipped: dependency A failed", run.SummaryRow("B"));
    }

    [Fact]
    public async Task ProceedAfterFailure_lets_dependents_run_but_the_run_still_fails()
    {
        var script = new Script()
            .Target<A>(t => t.ProceedAfterFailure(), _ => throw new InvalidOperationException("flaky audit"))
            .Target<B>(t => t.DependsOn<A>());

        var run = await script.RunAsync("B");

        Assert.True(script.Ran("B"));
        Assert.Equal(ExitCodes.TargetFailed, run.ExitCode);
    }

    [Fact]
    public async Task AssuredAfterFailure_runs_even_when_what_it_follows_failed()
    {
        var script = new Script()
            .Target<A>(action: _ => throw new InvalidOperationException("boom"))
            .Target<B>(t => t.DependsOn<A>())
            .Target<C>(t => t.DependsOn<B>().AssuredAfterFailure()); // notify, cleanup

        var run = await script.RunAsync("C");

        Assert.False(script.Ran("B"));
        Assert.True(script.Ran("C"));
        Assert.Equal(ExitCodes.TargetFailed, run.ExitCode);
    }

    [Fact]
    public async Task A_statically_skipped_target_does_not_run_and_its_dependents_do()
    {
        var script = new Script()
            .Target<A>(t => t.OnlyWhenStatic(() => false))
            .Target<B>(t => t.DependsOn<A>());

        var run = await script.RunAsync("B");

        Assert.False(script.Ran("A"));
        Assert.True(script.Ran("B"));
        Assert.Equal(0, run.ExitCode);
        Assert.Contains("skipped: condition `() => false` is false", run.SummaryRow("A"));
    }

    [Fact]
    public async Task A_dynamic_condition_is_decided_after_what_the_target_follows_has_run()
    {
        var released = false;
        var script = new Script()
            .Target<A>(action: _ =>
            {
                released = true;
                return Task.CompletedTask;
            })
            .Target<B>(t => t.DependsOn<A>().OnlyWhenDynamic(() => released))
            .Target<C>(t => t.DependsOn<A>().OnlyWhenDynamic(() => !released));

        var run = await script.RunAsync("B", "C");

        Assert.True(script.Ran("B"));
        Assert.False(script.Ran("C"));
        Assert.Contains("skipped: condition `() => !released` is false", run.SummaryRow("C"));
    }

    [Fact]
    public async Task A_target_past_its_timeout_fails_and_its_token_fires()
    {
        var sawCancellation = false;
        var script = new Script()
            .Target<A>(t => t.Timeout(TimeSpan.FromMilliseconds(200)), async c =>
            {
                try
                {
                    await Task.Delay(TimeSpan.FromSeconds(30), c.Cancellation);
                }
                catch (OperationCanceledException)
                {
                    sawCancellation = true;
                    throw;
                }
            });

        var run = await script.RunAsync("A");

        Assert.Equal(ExitCodes.TargetFailed, run.ExitCode);
        await Wait.UntilAsync(() => sawCancellation, TimeSpan.FromSeconds(10)); // the target's catch runs just after
        Assert.Contains("failed: timed out after 200 ms", run.SummaryRow("A"));
    }

    [Fact]
    public async Task A_target_that_ignores_its_token_still_cannot_outlive_its_timeout()
    {
        var script = new Script()
            .Target<A>(t => t.Timeout(TimeSpan.FromMilliseconds(200)), _ => Task.Delay(TimeSpan.FromSeconds(30), CancellationToken.None));

        var run = await script.RunAsync("A");

        Assert.Contains("failed: timed out", run.SummaryRow("A"));
    }

    [Fact]
    public async Task A_retried_target_runs_again_until_it_succeeds()
    {
        var attempts = new List<int>();
        var script = new Script()
            .Target<A>(t => t.Retry(3, TimeSpan.FromMilliseconds(10)), c =>
            {
                attempts.Add(c.Attempt);
                return c.Attempt < 3 ? throw new IOException("registry hiccup") : Task.CompletedTask;
            });

        var run = await script.RunAsync("A");

        Assert.Equal(0, run.ExitCode);
        Assert.Equal([1, 2, 3], attempts);
        Assert.Contains("Attempt 1 of 3 failed: registry hiccup. Retrying in 10 ms.", run.Output);
        Assert.Contains("Attempt 2 of 3 failed: registry hiccup. Retrying in 20 ms.", run.Output); // backoff doubles
        Assert.Contains("succeeded (attempt 3)", run.SummaryRow("A"));
    }

    [Fact]
    public async Task A_retried_target_fails_after_its_last_attempt()
    {
        var count = 0;
        var script = new Script()
            .Target<A>(t => t.Retry(2, TimeSpan.FromMilliseconds(1)), _ =>
            {
                count++;
                throw new IOException("down");
            });

        var run = await script.RunAsync("A");

        Assert.Equal(2, count);
        Assert.Equal(ExitCodes.TargetFailed, run.ExitCode);
    }

    [Fact]
    public async Task Cancelling_the_run_stops_running_targets_and_starts_nothing_new()
    {
        using var cancellation = new CancellationTokenSource();
        var script = new Script()
            .Target<A>(action: async c =>
            {
                await cancellation.CancelAsync();
                await Task.Delay(TimeSpan.FromSeconds(30), c.Cancellation);
            })
            .Target<B>(t => t.DependsOn<A>());

        var run = await script.RunAsync(["B"], new Dictionary<string, string>(), cancellation: cancellation.Token);

        Assert.Equal(ExitCodes.Canceled, run.ExitCode);
        Assert.False(script.Ran("B"));
        Assert.Contains("canceled", run.SummaryRow("A"));
    }

    [Fact]
    public async Task Each_target_line_is_attributed_to_its_target_and_the_run_ends_with_a_summary_table()
    {
        var script = new Script()
            .Target<A>(action: c =>
            {
                c.Log.Info("hello from A");
                return Task.CompletedTask;
            })
            .Target<B>(t => t.DependsOn<A>());

        var run = await script.RunAsync("B");

        Assert.Contains("A │ hello from A", run.Output);
        var lines = run.Output.TrimEnd().Split('\n');
        Assert.StartsWith("Target", lines[^5]);
        Assert.StartsWith("Total", lines[^1]);
    }

    [Fact]
    public async Task Two_pipelines_run_side_by_side_in_one_process()
    {
        var first = new Script().Target<A>(action: _ => Task.Delay(100)).Target<B>(t => t.DependsOn<A>());
        var second = new Script().Target<A>(action: _ => throw new InvalidOperationException("only here"));

        var runs = await Task.WhenAll(first.RunAsync("B"), second.RunAsync("A"));

        Assert.Equal(0, runs[0].ExitCode);
        Assert.Equal(ExitCodes.TargetFailed, runs[1].ExitCode);
        Assert.DoesNotContain("only here", runs[0].All);
    }
}
