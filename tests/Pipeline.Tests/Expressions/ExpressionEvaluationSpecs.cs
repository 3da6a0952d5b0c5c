using System.Text.Json.Nodes;

using Pipeline.Tests.Support;

namespace Pipeline.Tests.Expressions;

/// <summary>A local run evaluates expressions by GitHub's rules, and names what it cannot know.</summary>
public sealed class ExpressionEvaluationSpecs
{
    private static readonly ConditionFacts PushToMain = new("push", "refs/heads/main");

    [Theory]
    [InlineData("MAIN", true)] // GitHub compares text ignoring case
    [InlineData("main", true)]
    [InlineData("dev", false)]
    public void Text_compares_ignoring_case(string branch, bool expected) =>
        Assert.Equal(expected, Value(Contexts.GitHub.RefName == branch, PushToMain));

    [Fact]
    public void Mismatched_types_compare_as_numbers_and_truthiness_follows_GitHub()
    {
        var facts = WithVariables(("COUNT", "3"), ("EMPTY", ""), ("ZERO", "0"));

        Assert.Equal(true, Value(Functions.FromJson(Contexts.Env("COUNT")).AsNumber() == 3, facts));
        Assert.Equal(true, Value(Functions.FromJson(Contexts.Env("COUNT")).AsNumber() > 2.5, facts));
        Assert.Equal(false, Value(Contexts.Env("EMPTY").IsSet(), facts));
        Assert.Equal(false, Value(Contexts.Env("MISSING").IsSet(), facts));
        Assert.Equal(true, Value(Contexts.Env("ZERO").IsSet(), facts)); // "0" is a non-empty string
        Assert.Equal("fallback", Value(Contexts.Env("EMPTY").OrElse("fallback"), facts));
        Assert.Equal(true, Value(Contexts.Env("COUNT").AsNumber() == 3, facts));
        Assert.Equal(false, Value(Contexts.Env("COUNT") == "3.0", facts)); // text against text stays text
    }

    [Fact]
    public void Functions_compute_as_GitHub_does()
    {
        var facts = WithVariables(("LIST", "[\"a\",\"B\"]"));
        var list = Functions.FromJson(Contexts.Env("LIST"));

        Assert.Equal(true, Value(list.Contains("b"), facts));
        Assert.Equal(false, Value(list.Contains("c"), facts));
        Assert.Equal("a|B", Value(Functions.Join(list, "|"), facts));
        Assert.Equal("v-main-{x}", Value(Functions.Format("v-{0}-{{x}}", Contexts.GitHub.RefName), PushToMain));
        Assert.Equal(true, Value(Functions.EndsWith(Contexts.GitHub.Ref, "/MAIN"), PushToMain));
        Assert.Equal("[\n  \"a\",\n  \"B\"\n]", Value(Functions.ToJson(list), facts));
    }

    [Fact]
    public void The_event_payload_is_read_from_GITHUB_EVENT_PATH_with_object_filters()
    {
        using var root = new TempRoot();
        root.Write("event.json", """{"pull_request":{"draft":false,"labels":[{"name":"deploy"},{"name":"docs"}]}}""");
        var facts = WithVariables(("GITHUB_EVENT_PATH", root.Path / "event.json"));
        var pullRequest = Contexts.GitHub.Event["pull_request"];

        Assert.Equal(true, Value(pullRequest["draft"] == false, facts));
        Assert.Equal(true, Value(pullRequest["labels"].Each("name").Contains("Deploy"), facts));
        Assert.Equal("deploy,docs", Value(Functions.Join(pullRequest["labels"].Each("name")), facts));
        Assert.Null(Value(pullRequest["missing"]["deeper"].AsString(), facts));
    }

    [Fact]
    public void What_a_laptop_cannot_know_is_unknown_with_the_reason_never_true()
    {
        var unknown = Evaluate(Contexts.Step("deploy").Output("url") == "x" | Contexts.GitHub.Event["forced"].AsBoolean(), ConditionFacts.Local);

        var facts = Assert.IsType<Evaluated.Unknown>(unknown).Facts;
        Assert.Equal(["steps.deploy.outputs.url", "github.event"], facts.Select(f => f.What));
        Assert.All(facts, f => Assert.False(f.KnownAtStart));
        Assert.Contains("GITHUB_EVENT_PATH", facts[1].Why, StringComparison.Ordinal);
    }

    [Fact]
    public void An_unknown_that_cannot_change_the_result_does_not_make_it_unknown()
    {
        var step = Contexts.Step("x").Output("y") == "z";

        Assert.Equal(false, Value((Contexts.GitHub.EventName == "push") & step, ConditionFacts.Local));
        Assert.Equal(true, Value((Contexts.GitHub.EventName == "local") | step, ConditionFacts.Local));
        Assert.IsType<Evaluated.Unknown>(Evaluate((Contexts.GitHub.EventName == "local") & step, ConditionFacts.Local));
    }

    [Fact]
    public void Vars_read_the_environment_and_context_variables_replay_a_CI_decision()
    {
        Assert.Equal(true, Value(Contexts.Vars("DEPLOY") == "true", WithVariables(("DEPLOY", "true"))));
        Assert.IsType<Evaluated.Unknown>(Evaluate(Contexts.Vars("DEPLOY") == "true", ConditionFacts.Local));
        Assert.Equal(true, Value(Contexts.Step("meta").Output("tags") == "a", WithVariables(("PIPELINE_CONTEXT_STEPS_META_OUTPUTS_TAGS", "\"a\""))));
        Assert.Equal(true, Value(Contexts.Needs<A>().Failed, WithVariables(("PIPELINE_CONTEXT_NEEDS_A_RESULT", "\"failure\""))));
    }

    [Fact]
    public void Hash_files_is_one_hash_over_the_matched_files_in_path_order_and_empty_when_none_match()
    {
        using var root = new TempRoot();
        root.Write("src/a.csproj", "<Project />");
        root.Write("src/deep/b.csproj", "<Project Sdk='x' />");
        root.Write("bin/c.csproj", "ignored");
        var facts = ConditionFacts.Local with { Workspace = root.Path };

        var first = (string)Value(Functions.HashFiles("**/*.csproj", "!bin/**"), facts)!;
        root.Write("bin/c.csproj", "changed, still excluded");
        var same = Value(Functions.HashFiles("**/*.csproj", "!bin/**"), facts);
        root.Write("src/deep/b.csproj", "changed");
        var changed = Value(Functions.HashFiles("**/*.csproj", "!bin/**"), facts);

        Assert.Equal(64, first.Length);
        Assert.Equal(first, same);
        Assert.NotEqual(first, changed);
        Assert.Equal("", Value(Functions.HashFiles("**/*.nothing"), facts));
    }

    private static ConditionFacts WithVariables(params (string Name, string Value)[] variables) =>
        ConditionFacts.Local with { Variables = variables.ToDictionary(v => v.Name, v => v.Value) };

    private static Evaluated Evaluate(Expression expression, ConditionFacts facts) =>
        ExpressionEvaluator.Evaluate(expression.Node, new ConditionScope(facts));

    private static object? Value(Expression expression, ConditionFacts facts)
    {
        var known = Assert.IsType<Evaluated.Known>(Evaluate(expression, facts));
        return known.Value is JsonNode node ? node.ToJsonString() : known.Value;
    }
}
