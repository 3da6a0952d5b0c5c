using Pipeline.Tests.Support;

namespace Pipeline.Tests.Execution;

/// <summary>
/// In CI a job reporting on the run is handed how the other jobs ended (<c>PIPELINE_CONTEXT_NEEDS</c>),
/// and its <see cref="TargetContext.RunSoFar"/> holds the targets those jobs ran; locally nothing changes.
/// </summary>
public sealed class OtherJobResultsSpecs
{
    private const string Variable = "PIPELINE_CONTEXT_NEEDS";

    [Fact]
    public async Task The_targets_other_jobs_ran_are_part_of_the_run_so_far_with_their_jobs_outcome()
    {
        RunSoFar? seen = null;
        var script = Pipeline(run => seen = run);

        var run = await script.RunAsync(["E", "--skip", "A", "B"], new Dictionary<string, string>
        {
            [Variable] = """
                {
                  "A": {"result": "success"},
                  "B": {"result": "failure"},
                  "C": {"result": "cancelled"},
                  "D": {"result": "failure"},
                  "F": {"result": "skipped"}
                }
                """,
        });

        Assert.True(run.ExitCode == 0, run.All); // another job's failure is that job's, not this one's
        Assert.NotNull(seen);
        Assert.Equal(
            [
                ("A", TargetOutcome.Succeeded, null),
                ("B", TargetOutcome.Failed, "its CI job failed"),
                ("C", TargetOutcome.Canceled, "its CI job was cancelled"),
                ("D", TargetOutcome.Warning, "its CI job failed"), // warning-only: its job's failure does not fail the run
                ("F", TargetOutcome.Skipped, "its CI job was skipped"),
            ],
            seen.Targets.Select(t => (t.Name, t.Outcome, t.Reason)));
        Assert.All(seen.Targets, t => Assert.True(t.InOtherJob));
        Assert.Equal(["B", "C"], seen.Failed.Select(t => t.Name));
        Assert.True(seen.HasFailed);
    }

    [Fact]
    public async Task Locally_the_run_so_far_is_what_this_process_ran()
    {
        RunSoFar? seen = null;
        var script = Pipeline(run => seen = run);

        var run = await script.RunAsync(["E"], new Dictionary<string, string>());

        Assert.True(run.ExitCode == 0, run.All);
        Assert.Equal([("A", TargetOutcome.Succeeded, false), ("B", TargetOutcome.Succeeded, false)], seen!.Targets.Select(t => (t.Name, t.Outcome, t.InOtherJob)));
    }

    [Theory]
    [InlineData("{\"A\": {\"result\": \"success\"", "it is not JSON")]
    [InlineData("[\"A\"]", "it is not a JSON object")]
    [InlineData("{\"Z\": {\"result\": \"success\"}}", "it names Z, which is not a target of this pipeline")]
    [InlineData("{\"A\": {\"result\": \"neutral\"}}", "the result of A is not one of success, failure, cancelled, skipped")]
    [InlineData("{\"A\": \"success\"}", "the result of A is not one of success, failure, cancelled, skipped")]
    [InlineData("{\"A\": {\"result\": \"success\"}, \"A\": {\"result\": \"failure\"}}", "it names A twice")]
    public async Task A_malformed_value_is_one_line_naming_the_variable_and_nothing_runs(string value, string why)
    {
        var script = Pipeline(_ => { });

        var run = await script.RunAsync(["E", "--skip", "A", "B"], new Dictionary<string, string> { [Variable] = value });

        Assert.Equal(ExitCodes.Usage, run.ExitCode);
        var error = Assert.Single(run.Error.Split('\n', StringSplitOptions.RemoveEmptyEntries));
        Assert.StartsWith($"error: {Variable} is not what a generated workflow sets", error, StringComparison.Ordinal);
        Assert.Contains(why, error, StringComparison.Ordinal);
        Assert.False(script.Ran("E"));
    }

    /// <summary>A → B → E, which reports on the run; C, D (warning-only) and F run in other jobs.</summary>
    private static Script Pipeline(Action<RunSoFar> report) => new Script()
        .Target<A>()
        .Target<B>(t => t.DependsOn<A>())
        .Target<C>()
        .Target<D>(t => t.WarningOnly())
        .Target<F>()
        .Target<E>(
            t => t.DependsOn<B>().AssuredAfterFailure().ReportsOnRun(),
            context =>
            {
                report(context.RunSoFar);
                return Task.CompletedTask;
            });
}
