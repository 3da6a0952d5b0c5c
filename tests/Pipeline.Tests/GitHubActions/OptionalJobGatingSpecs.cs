using Pipeline.GitHubActions;
using Pipeline.Tests.GitHubActions.Support;
using Pipeline.Tests.Support;

namespace Pipeline.Tests.GitHubActions;

/// <summary>
/// Jobs after a job its condition may skip: GitHub would skip them too, locally they run (issue 13).
/// The gate is <c>!cancelled() &amp;&amp; !failure()</c> rather than
/// <c>!contains(needs.*.result, 'failure')</c>: at job level <c>failure()</c> sees a failure in any
/// job before, while <c>needs.*.result</c> sees only the direct needs, where a job skipped because
/// its own need failed reads 'skipped' — and locally that failure still stops the target.
/// </summary>
public sealed class OptionalJobGatingSpecs
{
    private static readonly Dictionary<string, string> PullRequest = new() { ["GITHUB_EVENT_NAME"] = "pull_request", ["GITHUB_REF"] = "refs/pull/1/merge" };

    private static readonly Dictionary<string, string> Push = new() { ["GITHUB_EVENT_NAME"] = "push", ["GITHUB_REF"] = "refs/heads/main" };

    [Fact]
    public async Task Every_job_after_a_job_that_may_be_skipped_runs_unless_a_job_before_it_failed_or_the_run_was_canceled()
    {
        var workflow = InlineWorkflow.Plan(Chain(), w => w.Job<A>().Job<B>().Job<C>());

        var yaml = RenderedYaml.Parse(workflow);

        Assert.Equal("github.event_name == 'push'", yaml.At("jobs", "a", "if").Text());
        Assert.Equal("!cancelled() && !failure()", yaml.At("jobs", "b", "if").Text());
        Assert.Equal("!cancelled() && !failure()", yaml.At("jobs", "c", "if").Text()); // a two jobs up may be skipped: b would be too
        await WorkflowLint.AssertCleanAsync(WorkflowRenderer.Render(workflow), "optional-job-gating.yml");
    }

    [Fact]
    public void A_job_after_jobs_that_always_run_keeps_GitHubs_default()
    {
        var workflow = InlineWorkflow.Plan(new Script().Target<A>().Target<B>(t => t.DependsOn<A>()), w => w.Job<A>().Job<B>());

        Assert.Null(workflow["b"].If);
    }

    [Fact]
    public async Task Locally_targets_after_a_target_skipped_by_its_condition_run()
    {
        var script = Chain();

        var run = await script.RunAsync(["C"], PullRequest, cancellation: TestContext.Current.CancellationToken);

        Assert.Equal(0, run.ExitCode);
        Assert.False(script.Ran("A"));
        Assert.True(script.Ran("B"));
        Assert.True(script.Ran("C"));
    }

    [Fact]
    public async Task Locally_a_failure_two_targets_up_still_stops_the_target_as_failure_does_in_CI()
    {
        var script = Chain(failingA: true);

        var run = await script.RunAsync(["C"], Push, cancellation: TestContext.Current.CancellationToken);

        Assert.Equal(1, run.ExitCode);
        Assert.False(script.Ran("B"));
        Assert.False(script.Ran("C"));
        Assert.Contains("dependency A failed", run.SummaryRow("C"), StringComparison.Ordinal);
    }

    private static Script Chain(bool failingA = false) => new Script()
        .Target<A>(t => t.OnlyWhen(Condition.OnPush), failingA ? _ => throw new InvalidOperationException("boom") : null)
        .Target<B>(t => t.DependsOn<A>())
        .Target<C>(t => t.DependsOn<B>());
}
