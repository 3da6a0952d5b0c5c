using System.Collections.Concurrent;
using Pipeline.Tests.Support;

namespace Pipeline.Tests.Execution;

public sealed class WarningOnlyAndMatrixSpecs
{
    private static readonly MatrixAxis Services = MatrixAxis.Of("service", "auth", "users", "media");

    [Fact]
    public async Task A_warning_only_failure_is_reported_as_a_warning_and_the_run_succeeds()
    {
        var script = new Script()
            .Target<A>(t => t.WarningOnly(), _ => throw new InvalidOperationException("3 advisories"))
            .Target<B>(t => t.DependsOn<A>());

        var run = await script.RunAsync("B");

        Assert.Equal(0, run.ExitCode);
        Assert.True(script.Ran("B"));
        Assert.Contains("warning (failed, warning only): 3 advisories", run.SummaryRow("A"), StringComparison.Ordinal);
        Assert.Contains("succeeded", run.SummaryRow("Total"), StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_warning_only_failure_is_a_GitHub_warning_annotation_not_an_error()
    {
        var script = new Script().Target<A>(t => t.WarningOnly(), _ => throw new InvalidOperationException("slow"));

        var run = await script.RunAsync(["A"], new Dictionary<string, string> { ["GITHUB_ACTIONS"] = "true" }, cancellation: TestContext.Current.CancellationToken);

        Assert.Equal(0, run.ExitCode);
        Assert.Contains("::warning title=Target A failed (warning only)::slow", run.Output, StringComparison.Ordinal);
        Assert.DoesNotContain("::error", run.Output, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Every_cell_of_a_matrix_runs_side_by_side_with_its_values()
    {
        var seen = new ConcurrentBag<string>();
        var rendezvous = new Rendezvous(3);
        var script = new Script().Target<A>(t => t.Matrix(Services), async c =>
        {
            seen.Add(c.Matrix!["service"]);
            await rendezvous.ArriveAsync(c.Cancellation);
        });

        var run = await script.RunAsync("A");

        Assert.Equal(0, run.ExitCode);
        Assert.Equal(["auth", "media", "users"], seen.Order(StringComparer.Ordinal));
    }

    [Fact]
    public async Task Max_parallel_bounds_the_cells_running_at_once()
    {
        var running = 0;
        var most = 0;
        var script = new Script().Target<A>(t => t.Matrix(Services, maxParallel: 1), async _ =>
        {
            var now = Interlocked.Increment(ref running);
            InterlockedMax(ref most, now);
            await Task.Delay(30);
            Interlocked.Decrement(ref running);
        });

        Assert.Equal(0, (await script.RunAsync("A")).ExitCode);
        Assert.Equal(1, most);
    }

    [Fact]
    public async Task CI_runs_only_the_cell_its_matrix_variables_name()
    {
        var seen = new ConcurrentBag<string>();
        var script = new Script().Target<A>(t => t.Matrix(Services), c =>
        {
            seen.Add(c.Matrix!["service"]);
            return Task.CompletedTask;
        });

        var run = await script.RunAsync(["A"], new Dictionary<string, string> { ["PIPELINE_MATRIX_SERVICE"] = "users" }, cancellation: TestContext.Current.CancellationToken);

        Assert.Equal(0, run.ExitCode);
        Assert.Equal(["users"], seen);
    }

    [Fact]
    public async Task A_failing_cell_fails_the_target_and_names_the_cell()
    {
        var script = new Script().Target<A>(
            t => t.Matrix(Services, failFast: false),
            c => c.Matrix!["service"] == "users" ? throw new InvalidOperationException("boom") : Task.CompletedTask);

        var run = await script.RunAsync("A");

        Assert.Equal(1, run.ExitCode);
        Assert.Contains("failed: [service=users] boom", run.SummaryRow("A"), StringComparison.Ordinal);
    }

    [Fact]
    public async Task An_axis_without_values_is_a_definition_error_before_anything_runs()
    {
        var script = new Script().Target<A>(t => t.Matrix(MatrixAxis.Of("service")));

        var run = await script.RunAsync("A");

        Assert.Equal(ExitCodes.Definition, run.ExitCode);
        Assert.Contains("The matrix of A has an axis 'service' with no values", run.Error, StringComparison.Ordinal);
        Assert.False(script.Ran("A"));
    }

    [Fact]
    public async Task An_empty_environment_variable_counts_as_unset()
    {
        var count = Parameter.Create("How many", 3, "Count");
        var got = 0;
        var script = new Script().Parameters(count).Target<A>(action: c =>
        {
            got = c.Get(count);
            return Task.CompletedTask;
        });

        var run = await script.RunAsync(["A"], new Dictionary<string, string> { ["COUNT"] = "" }, cancellation: TestContext.Current.CancellationToken);

        Assert.Equal(0, run.ExitCode);
        Assert.Equal(3, got);
    }

    private static void InterlockedMax(ref int location, int value)
    {
        int current;
        while (value > (current = Volatile.Read(ref location)) && Interlocked.CompareExchange(ref location, value, current) != current)
        {
        }
    }
}
