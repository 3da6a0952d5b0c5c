using Pipeline.Tests.GitHubActions.Support;
using Pipeline.Tests.Support;

namespace Pipeline.Tests.GitHubActions;

/// <summary>Branch, tag and path filters are checked before anything is written.</summary>
public sealed class TriggerFilterSpecs
{
    [Theory]
    [InlineData("branch", "push", "release 1")]
    [InlineData("branch", "pull_request", "feature:x")]
    [InlineData("tag", "push", "v1\nv2")]
    [InlineData("path", "pull_request", "src/My Project/**")]
    [InlineData("path", "push", "c:/src")]
    public void A_filter_with_a_space_a_newline_or_a_colon_fails_generation_naming_it(string kind, string trigger, string filter)
    {
        var error = Assert.Throws<DefinitionException>(() => InlineWorkflow.Plan(new Script().Target<A>(), w => _ = (trigger, kind) switch
        {
            ("push", "branch") => w.OnPush(branches: [filter]).Job<A>(),
            ("push", "tag") => w.OnPush(tags: [filter]).Job<A>(),
            ("push", _) => w.OnPush(paths: [filter]).Job<A>(),
            (_, "branch") => w.OnPullRequest(branches: [filter]).Job<A>(),
            _ => w.OnPullRequest(paths: [filter]).Job<A>(),
        }));

        Assert.Contains("Workflow InlineWorkflow", error.Message, StringComparison.Ordinal);
        Assert.Contains($"the {kind} filter '{filter.Replace("\n", "\\u000a", StringComparison.Ordinal)}' of its {trigger} trigger", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Filters_of_only_negated_patterns_fail_generation()
    {
        var error = Assert.Throws<DefinitionException>(() => InlineWorkflow.Plan(new Script().Target<A>(), w => w.OnPush(branches: ["!main"]).Job<A>()));

        Assert.Contains("the branch filters of its push trigger are all negated", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Glob_filters_pass()
    {
        var workflow = InlineWorkflow.Plan(
            new Script().Target<A>(),
            w => w.OnPush(branches: ["main", "release/**", "!release/old"], tags: ["v*"], paths: ["src/**", "!**/*.md"]).Job<A>());

        Assert.Equal(["main", "release/**", "!release/old"], workflow.On.Push!.Branches);
    }
}
