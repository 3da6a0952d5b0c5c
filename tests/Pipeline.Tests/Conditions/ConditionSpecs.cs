using Pipeline.Planning;
using Pipeline.Tests.Support;

namespace Pipeline.Tests.Conditions;

public sealed class ConditionSpecs
{
    private static readonly Dictionary<string, string> PushToMain = new() { ["GITHUB_EVENT_NAME"] = "push", ["GITHUB_REF"] = "refs/heads/main" };

    [Theory]
    [InlineData("push", "refs/heads/main", true)]
    [InlineData("push", "refs/heads/develop", false)]
    [InlineData("pull_request", "refs/heads/main", false)]
    [InlineData("push", "refs/tags/v1.2.0", true)]
    [InlineData("push", "refs/tags/nightly", false)]
    [InlineData("local", "refs/tags/v1.2.0", true)]
    public void Combinations_evaluate_against_the_event_and_ref(string eventName, string gitRef, bool expected)
    {
        var condition = (Condition.OnPush & Condition.OnBranch("main")) | Condition.OnTag("v");

        Assert.Equal(expected, condition.Evaluate(new ConditionFacts(eventName, gitRef)));
    }

    [Fact]
    public void Not_negates_and_the_description_reads_as_the_condition()
    {
        var condition = !Condition.OnPullRequest & Condition.OnTag();

        Assert.True(condition.Evaluate(new ConditionFacts("push", "refs/tags/x")));
        Assert.False(condition.Evaluate(new ConditionFacts("pull_request", "refs/tags/x")));
        Assert.Equal("(not event is pull_request and a tag)", condition.ToString());
    }

    [Fact]
    public void Branch_names_that_could_break_out_of_an_expression_are_refused()
    {
        Assert.Throws<ArgumentException>(() => Condition.OnBranch("main' || true || '"));
        Assert.Throws<ArgumentException>(() => Condition.OnTag("v${{ x }}"));
    }

    [Fact]
    public void Facts_come_from_the_GitHub_variables_when_they_are_set()
    {
        using var root = new TempRoot();

        var facts = ConditionFacts.From(GitHubRun.From(PushToMain), root.Path);

        Assert.Equal(new ConditionFacts("push", "refs/heads/main"), facts);
    }

    [Fact]
    public void Locally_the_event_is_local_and_the_ref_is_the_checked_out_branch()
    {
        using var root = new TempRoot();
        root.Write(".git/HEAD", "ref: refs/heads/feature/conditions\n");

        var facts = ConditionFacts.From(GitHubRun.None, root.Path);

        Assert.Equal(new ConditionFacts("local", "refs/heads/feature/conditions"), facts);
    }

    [Fact]
    public void In_a_git_worktree_the_branch_is_read_through_the_gitdir_pointer()
    {
        using var root = new TempRoot();
        root.Write("real-git/worktrees/wt/HEAD", "ref: refs/heads/gha\n");
        root.Write(".git", $"gitdir: {root.Path / "real-git" / "worktrees" / "wt"}\n");

        Assert.Equal("refs/heads/gha", ConditionFacts.From(GitHubRun.None, root.Path).Ref);
    }

    [Fact]
    public async Task A_false_condition_skips_the_target_while_planning_with_its_description_as_reason()
    {
        var script = new Script()
            .Target<A>(t => t.OnlyWhen(Condition.OnBranch("release")))
            .Target<B>(t => t.DependsOn<A>());

        var run = await script.RunAsync(["B"], PushToMain, cancellation: TestContext.Current.CancellationToken);

        Assert.Equal(0, run.ExitCode);
        Assert.False(script.Ran("A"));
        Assert.True(script.Ran("B")); // a skipped dependency does not block, as everywhere else
        Assert.Contains("condition `branch is release` is false", run.SummaryRow("A"), StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_true_condition_runs_the_target()
    {
        var script = new Script().Target<A>(t => t.OnlyWhen(Condition.OnPush).OnlyWhen(Condition.OnBranch("main")));

        var run = await script.RunAsync(["A"], PushToMain, cancellation: TestContext.Current.CancellationToken);

        Assert.Equal(0, run.ExitCode);
        Assert.True(script.Ran("A"));
    }

    [Fact]
    public async Task Always_runs_after_a_failure_and_OnFailure_runs_only_after_one()
    {
        var failing = new Script()
            .Target<A>(action: _ => throw new InvalidOperationException("boom"))
            .Target<B>(t => t.DependsOn<A>().OnlyWhen(Condition.Always))
            .Target<C>(t => t.DependsOn<A>().OnlyWhen(Condition.OnFailure))
            .Target<D>(t => t.DependsOn<A>());

        var failed = await failing.RunAsync(["B", "C", "D"], new Dictionary<string, string>(), cancellation: TestContext.Current.CancellationToken);

        Assert.Equal(1, failed.ExitCode);
        Assert.True(failing.Ran("B"));
        Assert.True(failing.Ran("C"));
        Assert.False(failing.Ran("D"));

        var passing = new Script()
            .Target<A>()
            .Target<B>(t => t.DependsOn<A>().OnlyWhen(Condition.Always))
            .Target<C>(t => t.DependsOn<A>().OnlyWhen(Condition.OnFailure));

        var passed = await passing.RunAsync(["B", "C"], new Dictionary<string, string>(), cancellation: TestContext.Current.CancellationToken);

        Assert.Equal(0, passed.ExitCode);
        Assert.True(passing.Ran("B"));
        Assert.False(passing.Ran("C"));
        Assert.Contains("skipped: condition `something before it failed` is false", passed.SummaryRow("C"), StringComparison.Ordinal);
    }

    [Fact]
    public void A_status_condition_that_cannot_hold_on_this_ref_is_skipped_while_planning()
    {
        using var root = new TempRoot();
        var environment = new PipelineEnvironment(root.Path, new Dictionary<string, string>(), TextWriter.Null, TextWriter.Null, 2, false);
        var graph = new Script()
            .Target<A>(t => t.OnlyWhen(Condition.Always & Condition.OnBranch("main")))
            .Target<B>(t => t.OnlyWhen(Condition.Always))
            .Builder().BuildGraph(environment);

        var plan = Planner.Create(graph, PlanRequest.For("A", "B") with { Facts = new ConditionFacts("push", "refs/heads/dev") });

        Assert.Equal("condition `(always and branch is main)` is false", plan["A"].SkipReason);
        Assert.Null(plan["B"].SkipReason);
    }
}
