using System.Text.Json;
using System.Text.RegularExpressions;
using Pipeline.GitHubActions;
using Pipeline.Tests.GitHubActions.Support;
using Pipeline.Tests.Support;

namespace Pipeline.Tests.GitHubActions;

/// <summary>
/// A job whose targets report on the run (<see cref="TargetSpec.ReportsOnRun"/>) waits for every job
/// not waiting for it and receives each one's result by name, so its RunSoFar tells the whole run.
/// </summary>
public sealed partial class RunResultsWorkflowSpecs
{
    [Fact]
    public async Task A_reporting_job_needs_every_job_not_after_it_and_receives_each_result_by_name()
    {
        // A → B → R (reports, runs after failures) → D; C (a matrix: one result for all its cells) → E is in no relation with R at all.
        var script = new Script()
            .Target<A>()
            .Target<B>(t => t.DependsOn<A>())
            .Target<C>(t => t.Matrix(MatrixAxis.Of("os", "linux", "windows")))
            .Target<E>(t => t.DependsOn<C>())
            .Target<R>(t => t.DependsOn<B>().AssuredAfterFailure().ReportsOnRun())
            .Target<D>(t => t.DependsOn<R>());

        var workflow = InlineWorkflow.Plan(script, w => w.Job<A>().Job<B>().Job<C>().Job<E>().Job<R>().Job<D>());

        Assert.Equal(["a", "b", "c", "e"], workflow["r"].Needs);
        Assert.Equal("always()", workflow["r"].If);
        Assert.Equal(["R"], workflow["r"].Runs); // it waits longer, and runs no more than before
        Assert.Equal(["a"], workflow["b"].Needs); // jobs that do not report stay as they were
        var env = workflow["r"].BuildStep.Env.ToDictionary(e => e.Key, e => e.Value);
        var results = env["PIPELINE_CONTEXT_NEEDS"];
        Assert.Equal(
            [("a", "[\"A\"]", "a", "needs.a.outputs.pipeline-outcomes || 'null'"), ("b", "[\"B\"]", "b", "needs.b.outputs.pipeline-outcomes || 'null'"),
             ("c", "[\"C\"]", "c", "null"), ("e", "[\"E\"]", "e", "needs.e.outputs.pipeline-outcomes || 'null'")],
            JobEntry().Matches(results).Select(m => (m.Groups["job"].Value, m.Groups["runs"].Value, m.Groups["result"].Value, Unwrapped(m.Groups["targets"].Value))));
        Assert.DoesNotContain("toJSON(needs)", results, StringComparison.Ordinal);
        Assert.DoesNotContain("PIPELINE_CONTEXT_NEEDS", workflow["b"].BuildStep.Env.Select(e => e.Key));

        // Each job it waits for records its targets' outcomes, but a matrix job (cells would overwrite each other's).
        foreach (var job in new[] { "a", "b", "e" })
        {
            Assert.Contains(KeyValuePair.Create("pipeline-outcomes", "${{ steps.build.outputs.pipeline-outcomes }}"), workflow[job].Outputs);
        }

        Assert.DoesNotContain(workflow["c"].Outputs, o => o.Key == "pipeline-outcomes");
        Assert.DoesNotContain(workflow["r"].Outputs, o => o.Key == "pipeline-outcomes"); // no reporting job waits for it

        // With each expression as GitHub fills it in, the value is the JSON the engine reads.
        var filled = JsonDocument.Parse(FilledIn().Replace(results, m => m.Value.Contains("result", StringComparison.Ordinal) ? "\"failure\"" : "null"));
        Assert.Equal(["a", "b", "c", "e"], filled.RootElement.EnumerateObject().Select(p => p.Name));
        await WorkflowLint.AssertCleanAsync(WorkflowRenderer.Render(workflow), "run-results.yml");
    }

    [Fact]
    public async Task A_reporting_job_that_does_not_run_after_failures_is_still_stopped_only_by_what_it_depends_on()
    {
        var script = new Script()
            .Target<A>()
            .Target<C>()
            .Target<R>(t => t.DependsOn<A>().ReportsOnRun());

        var workflow = InlineWorkflow.Plan(script, w => w.Job<A>().Job<C>().Job<R>());

        Assert.Equal(["a", "c"], workflow["r"].Needs);
        // C's failure must not stop it, as locally, where C is not among what R follows.
        Assert.Equal("!cancelled() && needs.a.result != 'failure'", workflow["r"].If);
        await WorkflowLint.AssertCleanAsync(WorkflowRenderer.Render(workflow), "run-results-gated.yml");
    }

    [Fact]
    public async Task Of_two_reporting_jobs_independent_of_each_other_the_first_waits_for_the_second_and_no_cycle_forms()
    {
        var script = new Script()
            .Target<A>()
            .Target<R>(t => t.DependsOn<A>().AssuredAfterFailure().ReportsOnRun())
            .Target<S>(t => t.DependsOn<A>().AssuredAfterFailure().ReportsOnRun())
            .Target<D>(t => t.DependsOn<S>());

        var workflow = InlineWorkflow.Plan(script, w => w.Job<A>().Job<R>().Job<S>().Job<D>());

        Assert.Equal(["a", "s", "d"], workflow["r"].Needs);
        Assert.Equal(["a"], workflow["s"].Needs);
        Assert.Contains(
            "\"s\": {\"runs\": [\"S\"], \"result\": ${{ toJSON(needs.s.result) }}, \"targets\": ${{ needs.s.outputs.pipeline-outcomes || 'null' }}}",
            workflow["r"].BuildStep.Env.Single(e => e.Key == "PIPELINE_CONTEXT_NEEDS").Value,
            StringComparison.Ordinal);
        await WorkflowLint.AssertCleanAsync(WorkflowRenderer.Render(workflow), "run-results-two.yml");
    }

    private static string Unwrapped(string expression) => expression.StartsWith("${{ ", StringComparison.Ordinal) ? expression[4..^3] : expression;

    [GeneratedRegex("""  "(?<job>[a-z-]+)": \{"runs": (?<runs>\[[^\]]*\]), "result": \$\{\{ toJSON\(needs\.(?<result>[a-z-]+)\.result\) \}\}, "targets": (?<targets>null|\$\{\{ [^}]+ \}\})\}""")]
    private static partial Regex JobEntry();

    [GeneratedRegex(@"\$\{\{ [^}]+ \}\}")]
    private static partial Regex FilledIn();
}

#pragma warning disable SA1402 // the reporting probes read best beside the specs
public sealed class R(Script s) : Probe(s);

public sealed class S(Script s) : Probe(s);
#pragma warning restore SA1402
