using Pipeline.GitHubActions;
using Pipeline.Tests.GitHubActions.Support;
using Pipeline.Tests.Support;

namespace Pipeline.Tests.GitHubActions;

/// <summary>
/// A condition on a target skips that target only, locally and in CI: a job whose root is skipped
/// by its condition still runs the other targets it owns (issue 13).
/// </summary>
public sealed class AggregatorConditionSpecs
{
    private static readonly Artifact Packages = Artifact.Of("packages", "artifacts/packages");

    private static readonly Dictionary<string, string> PushToDev = new() { ["GITHUB_EVENT_NAME"] = "push", ["GITHUB_REF"] = "refs/heads/dev" };

    // B aggregates A (no job of its own) and only runs on main; C, in a job after B's, consumes what B packs.
    private static Script Aggregator() => new Script()
        .Target<A>()
        .Target<B>(t => t.DependsOn<A>().Produces(Packages).OnlyWhen(Condition.OnBranch("main")))
        .Target<C>(t => t.DependsOn<B>().Consumes(Packages));

    [Fact]
    public async Task A_condition_on_an_aggregator_skips_only_the_aggregator_locally()
    {
        var script = Aggregator();

        var run = await script.RunAsync(["B"], PushToDev, cancellation: TestContext.Current.CancellationToken);

        Assert.Equal(0, run.ExitCode);
        Assert.True(script.Ran("A"));
        Assert.False(script.Ran("B"));
    }

    [Fact]
    public async Task A_condition_on_an_aggregator_skips_only_the_aggregator_in_CI_so_its_job_runs_and_the_engine_skips_the_root()
    {
        var workflow = InlineWorkflow.Plan(Aggregator(), w => w.Job<B>().Job<C>());

        var yaml = RenderedYaml.Parse(workflow);

        Assert.Equal(["A", "B"], workflow["b"].Runs);
        Assert.Null(workflow["b"].If); // the job runs A whatever the branch; the engine skips B off main
        Assert.Equal("github.ref == 'refs/heads/main'", yaml.Step("b", "Upload packages").At("if").Text()); // B made no files then
        Assert.Equal("github.ref == 'refs/heads/main'", yaml.Step("c", "Download packages").At("if").Text());
        Assert.Null(workflow["c"].If); // the job before it is never skipped by GitHub
        await WorkflowLint.AssertCleanAsync(WorkflowRenderer.Render(workflow), "aggregator-condition.yml");
    }

    [Fact]
    public void A_job_that_runs_only_its_root_still_carries_the_condition()
    {
        var workflow = InlineWorkflow.Plan(Aggregator(), w => w.Job<A>().Job<B>().Job<C>());

        Assert.Equal(["B"], workflow["b"].Runs);
        Assert.Equal("github.ref == 'refs/heads/main'", workflow["b"].If);
        Assert.Null(workflow["b"].Steps.Single(s => s.Name == "Upload packages").If);
        Assert.Equal("!cancelled() && !failure()", workflow["c"].If);
        Assert.Equal("needs.b.result == 'success'", workflow["c"].Steps.Single(s => s.Name == "Download packages").If);
    }
}
