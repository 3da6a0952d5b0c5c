using Pipeline.Planning;
using Pipeline.Tests.GitHubActions.Support;
using Pipeline.Tests.Support;

namespace Pipeline.Tests.GitHubActions;

/// <summary>How a graph splits into jobs: what each runs and skips, and its transitively reduced needs.</summary>
public sealed class JobOwnershipSpecs
{
    [Fact]
    public void A_diamond_of_jobs_needs_only_the_direct_edges()
    {
        var script = new Script().Target<A>().Target<B>(t => t.DependsOn<A>()).Target<C>(t => t.DependsOn<A>()).Target<D>(t => t.DependsOn<B>().DependsOn<C>());

        var workflow = InlineWorkflow.Plan(script, w => w.Job<A>().Job<B>().Job<C>().Job<D>());

        Assert.Empty(workflow["a"].Needs);
        Assert.Equal(["a"], workflow["b"].Needs);
        Assert.Equal(["a"], workflow["c"].Needs);
        Assert.Equal(["b", "c"], workflow["d"].Needs); // not a: b and c already wait for it
        Assert.All(workflow.Jobs, job => Assert.Equal([job.Target], job.Runs));
        Assert.Equal(["A", "B", "C"], workflow["d"].Skips);
    }

    [Fact]
    public void A_diamond_whose_top_has_no_job_runs_it_in_both_parallel_jobs_and_not_again_below()
    {
        var script = new Script().Target<A>().Target<B>(t => t.DependsOn<A>()).Target<C>(t => t.DependsOn<A>()).Target<D>(t => t.DependsOn<B>().DependsOn<C>());

        var workflow = InlineWorkflow.Plan(script, w => w.Job<B>().Job<C>().Job<D>());

        Assert.Equal(["A", "B"], workflow["b"].Runs);
        Assert.Equal(["A", "C"], workflow["c"].Runs);
        Assert.Empty(workflow["b"].Needs);
        Assert.Empty(workflow["c"].Needs);
        Assert.Equal(["D"], workflow["d"].Runs);
        Assert.Equal(["b", "c"], workflow["d"].Needs);
        Assert.Equal("./build.sh D --skip A B C", workflow["d"].BuildStep.Run);
    }

    [Fact]
    public void A_dependency_that_two_upstream_jobs_own_is_skipped_and_both_are_needed()
    {
        // E is run by the jobs of B and C; D depends on E directly as well as on B and C.
        var script = new Script()
            .Target<E>()
            .Target<B>(t => t.DependsOn<E>())
            .Target<C>(t => t.DependsOn<E>())
            .Target<D>(t => t.DependsOn<E>().DependsOn<B>().DependsOn<C>());

        var workflow = InlineWorkflow.Plan(script, w => w.Job<B>().Job<C>().Job<D>());

        Assert.Contains("E", workflow["b"].Runs);
        Assert.Contains("E", workflow["c"].Runs);
        Assert.Equal(["D"], workflow["d"].Runs);
        Assert.Contains("E", workflow["d"].Skips);
        Assert.Equal(["b", "c"], workflow["d"].Needs);
    }

    [Fact]
    public void A_dependency_owned_upstream_through_a_longer_chain_still_gives_one_reduced_need()
    {
        // D needs C; C needs B; B runs E. D depends on E too: it is skipped, and D needs only c.
        var script = new Script()
            .Target<E>()
            .Target<B>(t => t.DependsOn<E>())
            .Target<C>(t => t.DependsOn<B>())
            .Target<D>(t => t.DependsOn<C>().DependsOn<B>().DependsOn<E>());

        var workflow = InlineWorkflow.Plan(script, w => w.Job<B>().Job<C>().Job<D>());

        Assert.Equal(["c"], workflow["d"].Needs);
        Assert.Equal(["D"], workflow["d"].Runs);
    }

    [Fact]
    public void A_dependency_without_a_job_runs_inside_the_job_that_needs_it()
    {
        var script = new Script().Target<A>().Target<B>(t => t.DependsOn<A>());

        var workflow = InlineWorkflow.Plan(script, w => w.Job<B>());

        var job = Assert.Single(workflow.Jobs);
        Assert.Equal(["A", "B"], job.Runs);
        Assert.Empty(job.Skips);
        Assert.Equal("./build.sh B", job.BuildStep.Run);
    }

    [Fact]
    public void A_job_runs_its_targets_in_the_order_the_planner_gives_them_and_evaluates_no_condition()
    {
        // Declared against the run order, with a trigger, an After and a condition that must not be
        // evaluated while generating (it would throw): the job's order is the planner's.
        var script = new Script()
            .Target<E>(t => t.DependsOn<C>().After<F>())
            .Target<F>(t => t.DependsOn<G>())
            .Target<D>(t => t.DependsOn<E>().DependsOn<F>().Triggers<H>())
            .Target<C>()
            .Target<G>()
            .Target<H>(t => t.OnlyWhenStatic(() => throw new InvalidOperationException("evaluated")));
        var graph = Workflows.Graph(script.Builder());

        var job = Assert.Single(InlineWorkflow.Plan(graph, w => w.Job<D>()).Jobs);

        Assert.Equal(Planner.Order(graph, ["D"]), job.Runs);
        Assert.Equal(["C", "G", "F", "E", "D", "H"], job.Runs);
    }

    [Fact]
    public void A_triggered_target_with_its_own_job_waits_for_its_trigger_and_is_skipped_there()
    {
        var script = new Script().Target<A>(t => t.Triggers<B>().Triggers<C>()).Target<B>().Target<C>();

        var workflow = InlineWorkflow.Plan(script, w => w.Job<A>().Job<B>());

        Assert.Equal(["A", "C"], workflow["a"].Runs); // C has no job: it runs where it is triggered
        Assert.Equal(["B"], workflow["a"].Skips);
        Assert.Equal(["a"], workflow["b"].Needs);
    }

    [Fact]
    public void After_between_two_jobs_orders_them_with_needs()
    {
        var script = new Script().Target<A>().Target<B>(t => t.After<A>());

        var workflow = InlineWorkflow.Plan(script, w => w.Job<A>().Job<B>());

        Assert.Equal(["a"], workflow["b"].Needs);
        Assert.Equal("!cancelled()", workflow["b"].If); // as locally: B runs whether A failed or not
    }

    [Fact]
    public void A_job_after_one_job_and_depending_on_another_runs_unless_what_it_depends_on_failed()
    {
        // D depends on B (which depends on A) and only runs after C: C's failure must not stop D,
        // A's or B's must. The needs name A too, so the condition can read its result.
        var script = new Script()
            .Target<A>()
            .Target<B>(t => t.DependsOn<A>())
            .Target<C>()
            .Target<D>(t => t.DependsOn<B>().After<C>().OnlyWhen(Condition.OnPush));

        var workflow = InlineWorkflow.Plan(script, w => w.Job<A>().Job<B>().Job<C>().Job<D>());

        Assert.Equal(["a", "b", "c"], workflow["d"].Needs);
        Assert.Equal(
            "!cancelled() && needs.a.result != 'failure' && needs.b.result != 'failure' && github.event_name == 'push'",
            workflow["d"].If);
        Assert.Null(workflow["b"].If); // only dependencies: GitHub's default already matches
    }

    [Fact]
    public void A_job_below_one_that_runs_after_a_failure_still_stops_when_what_it_depends_on_failed()
    {
        // C runs after B whatever B's outcome; D depends on both. If B fails, C still runs and may
        // succeed, so D must name B's result itself rather than trust that C succeeded.
        var script = new Script()
            .Target<B>()
            .Target<C>(t => t.After<B>())
            .Target<D>(t => t.DependsOn<B>().DependsOn<C>());

        var workflow = InlineWorkflow.Plan(script, w => w.Job<B>().Job<C>().Job<D>());

        Assert.Equal(["b", "c"], workflow["d"].Needs);
        Assert.Equal("!cancelled() && !contains(needs.*.result, 'failure')", workflow["d"].If); // every need blocks: the short form
    }

    [Fact]
    public void Jobs_that_would_wait_for_each_other_are_a_definition_error()
    {
        // A triggers B, B depends on C: job a needs c. C runs after A: job c needs a.
        var script = new Script().Target<A>(t => t.Triggers<B>()).Target<B>(t => t.DependsOn<C>()).Target<C>(t => t.After<A>());

        var error = Assert.Throws<DefinitionException>(() => InlineWorkflow.Plan(script, w => w.Job<A>().Job<C>()));

        Assert.Contains("would wait for each other in a cycle", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void A_job_after_a_job_that_may_be_skipped_runs_unless_something_failed()
    {
        var script = new Script()
            .Target<A>(t => t.OnlyWhen(Condition.OnPush))
            .Target<B>(t => t.DependsOn<A>())
            .Target<C>(t => t.DependsOn<B>().OnlyWhen(Condition.OnBranch("main") | Condition.OnTag("v")));

        var workflow = InlineWorkflow.Plan(script, w => w.Job<A>().Job<B>().Job<C>());

        Assert.Equal("github.event_name == 'push'", workflow["a"].If);
        Assert.Equal("!cancelled() && !failure()", workflow["b"].If);
        Assert.Equal("!cancelled() && !failure() && (github.ref == 'refs/heads/main' || startsWith(github.ref, 'refs/tags/v'))", workflow["c"].If);
    }

    [Fact]
    public void An_assured_target_always_runs_and_keeps_its_own_condition()
    {
        var script = new Script()
            .Target<A>()
            .Target<B>(t => t.DependsOn<A>().AssuredAfterFailure())
            .Target<C>(t => t.DependsOn<A>().AssuredAfterFailure().OnlyWhen(Condition.OnBranch("main")));

        var workflow = InlineWorkflow.Plan(script, w => w.Job<A>().Job<B>().Job<C>());

        Assert.Equal("always()", workflow["b"].If);
        Assert.Equal("always() && github.ref == 'refs/heads/main'", workflow["c"].If);
    }
}
