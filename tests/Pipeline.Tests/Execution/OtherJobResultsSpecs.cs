using System.Text.Json;
using Pipeline.Tests.Support;

namespace Pipeline.Tests.Execution;

/// <summary>
/// In CI a job reporting on the run is handed how the other jobs ended (<c>PIPELINE_CONTEXT_NEEDS</c>),
/// and its <see cref="TargetContext.RunSoFar"/> holds the targets those jobs ran; locally nothing changes.
/// </summary>
public sealed class OtherJobResultsSpecs
{
    private const string Variable = "PIPELINE_CONTEXT_NEEDS";

    private static readonly Parameter<string> RunToken = Parameter.Secret("A secret of the run");

    [Fact]
    public async Task The_targets_other_jobs_ran_are_part_of_the_run_so_far_with_their_jobs_outcome()
    {
        RunSoFar? seen = null;
        var script = Pipeline(run => seen = run);

        var run = await script.RunAsync(["E", "--skip", "A", "B"], new Dictionary<string, string>
        {
            [Variable] = """
                {
                  "a": {"runs": ["A"], "result": "success", "targets": null},
                  "b": {"runs": ["B"], "result": "failure", "targets": null},
                  "c": {"runs": ["C"], "result": "cancelled", "targets": null},
                  "d": {"runs": ["D"], "result": "failure", "targets": null},
                  "f": {"runs": ["F"], "result": "skipped", "targets": null}
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

    [Fact]
    public async Task A_target_gets_the_outcome_its_job_recorded_for_it_and_the_job_result_only_when_it_recorded_none()
    {
        RunSoFar? seen = null;
        var script = Pipeline(run => seen = run);

        // One job ran C, D and F: D (warning-only) failed, so the job failed; C succeeded and F was skipped.
        var run = await script.RunAsync(["E", "--skip", "A", "B"], new Dictionary<string, string>
        {
            [Variable] = """
                {
                  "b": {"runs": ["A", "B"], "result": "success", "targets": null},
                  "f": {"runs": ["C", "D", "F"], "result": "failure", "targets": {
                    "C": {"outcome": "succeeded", "seconds": 12.5},
                    "D": {"outcome": "warning", "seconds": 3, "reason": "2 findings"},
                    "F": {"outcome": "skipped", "seconds": 0, "reason": "condition `false` is false"}
                  }}
                }
                """,
        });

        Assert.True(run.ExitCode == 0, run.All);
        Assert.Equal(
            [
                ("A", TargetOutcome.Succeeded, 0.0, null),
                ("B", TargetOutcome.Succeeded, 0.0, null),
                ("C", TargetOutcome.Succeeded, 12.5, null),
                ("D", TargetOutcome.Warning, 3.0, "2 findings"),
                ("F", TargetOutcome.Skipped, 0.0, "condition `false` is false"),
            ],
            seen!.Targets.Select(t => (t.Name, t.Outcome, t.Duration.TotalSeconds, t.Reason)));
        Assert.False(seen.HasFailed);
    }

    [Fact]
    public async Task A_job_that_failed_after_its_targets_succeeded_still_fails_the_run_through_its_last_target()
    {
        RunSoFar? seen = null;
        var script = Pipeline(run => seen = run);

        // Every target succeeded, then an upload after the build step failed the job.
        var run = await script.RunAsync(["E", "--skip", "A", "B"], new Dictionary<string, string>
        {
            [Variable] = """
                {"b": {"runs": ["A", "B"], "result": "failure", "targets": {"A": {"outcome": "succeeded", "seconds": 1}, "B": {"outcome": "succeeded", "seconds": 2}}}}
                """,
        });

        Assert.True(run.ExitCode == 0, run.All);
        Assert.Equal(
            [("A", TargetOutcome.Succeeded, null), ("B", TargetOutcome.Failed, "its CI job failed after its targets ran")],
            seen!.Targets.Select(t => (t.Name, t.Outcome, t.Reason)));
        Assert.True(seen.HasFailed);
    }

    [Fact]
    public async Task A_target_two_jobs_ran_tells_the_worse_of_the_two()
    {
        RunSoFar? seen = null;
        var script = Pipeline(run => seen = run);

        var run = await script.RunAsync(["E", "--skip", "A", "B"], new Dictionary<string, string>
        {
            [Variable] = """
                {
                  "b": {"runs": ["A", "B"], "result": "success", "targets": {"A": {"outcome": "succeeded", "seconds": 1}, "B": {"outcome": "succeeded", "seconds": 1}}},
                  "c": {"runs": ["A", "C"], "result": "failure", "targets": {"A": {"outcome": "failed", "seconds": 2, "reason": "disk full"}, "C": {"outcome": "skipped", "seconds": 0, "reason": "dependency A failed"}}}
                }
                """,
        });

        Assert.True(run.ExitCode == 0, run.All);
        Assert.Equal(("A", TargetOutcome.Failed, "disk full"), seen!.Targets.Where(t => t.Name == "A").Select(t => (t.Name, t.Outcome, t.Reason)).Single());
        Assert.Equal(["A"], seen.Failed.Select(t => t.Name));
    }

    [Fact]
    public async Task Under_GitHub_Actions_a_run_records_each_target_outcome_as_a_step_output_with_secrets_masked()
    {
        using var root = new TempRoot();
        var outputFile = root.Path / "github-output";
        File.WriteAllText(outputFile, "");
        var script = new Script()
            .Parameters(RunToken)
            .Target<A>()
            .Target<B>(t => t.DependsOn<A>(), _ => throw new TargetFailedException("the token hunter2 was refused: can't <retry> & stop"))
            .Target<C>(t => t.DependsOn<B>());

        var run = await script.RunAsync(
            ["C", "--skip", "A"], new Dictionary<string, string> { ["GITHUB_ACTIONS"] = "true", ["GITHUB_OUTPUT"] = outputFile, ["RUN_TOKEN"] = "hunter2" }, root);

        Assert.Equal(ExitCodes.TargetFailed, run.ExitCode);
        var line = Assert.Single(File.ReadAllLines(outputFile), l => l.StartsWith("pipeline-outcomes=", StringComparison.Ordinal));
        using var written = JsonDocument.Parse(line["pipeline-outcomes=".Length..]);
        Assert.Equal(["B", "C"], written.RootElement.EnumerateObject().Select(p => p.Name)); // A is another job's
        Assert.Equal("failed", written.RootElement.GetProperty("B").GetProperty("outcome").GetString());
        Assert.Equal("the token *** was refused: can't <retry> & stop", written.RootElement.GetProperty("B").GetProperty("reason").GetString());
        Assert.Equal("skipped", written.RootElement.GetProperty("C").GetProperty("outcome").GetString());
        Assert.DoesNotContain("hunter2", File.ReadAllText(outputFile), StringComparison.Ordinal);
        Assert.DoesNotContain("\\u", line, StringComparison.Ordinal); // verbatim, as the runner's own secret check sees text
    }

    [Theory]
    [InlineData("{\"a\": {\"runs\": [\"A\"]", "it is not JSON")]
    [InlineData("[\"A\"]", "it is not a JSON object")]
    [InlineData("{\"a\": {\"result\": \"success\"}}", "the job a has no \"runs\" list")]
    [InlineData("{\"a\": {\"runs\": [1], \"result\": \"success\"}}", "the job a runs something that is not a target name")]
    [InlineData("{\"z\": {\"runs\": [\"Z\"], \"result\": \"success\"}}", "it names Z, which is not a target of this pipeline")]
    [InlineData("{\"a\": {\"runs\": [\"A\"], \"result\": \"neutral\"}}", "the result of the job a is not one of success, failure, cancelled, skipped")]
    [InlineData("{\"a\": {\"runs\": [\"A\"], \"result\": \"neutral\", \"targets\": {\"A\": {\"outcome\": \"great\"}}}}", "the result of the job a is not one of")]
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
