using Pipeline.Tests.Support;

namespace Pipeline.Tests.Expressions;

/// <summary>Typed expressions are written in GitHub's syntax, with the parentheses and quoting they need.</summary>
public sealed class ExpressionTextSpecs
{
    private static readonly Output<string> Version = new("The version");
    private static readonly Parameter<string> Channel = Parameter.Create<string>("The channel");

    public static TheoryData<Expression, string> Conditions() => new()
    {
        { Contexts.GitHub.EventName == "push", "github.event_name == 'push'" },
        { Contexts.Vars("DEPLOY") == "true" & Contexts.GitHub.Ref.StartsWith("refs/tags/"), "vars.DEPLOY == 'true' && startsWith(github.ref, 'refs/tags/')" },
        { (Contexts.GitHub.EventName == "push" | Contexts.GitHub.EventName == "schedule") & !Functions.Cancelled(), "(github.event_name == 'push' || github.event_name == 'schedule') && !cancelled()" },
        { !(Contexts.Runner.Os == "Windows"), "!(runner.os == 'Windows')" },
        { Contexts.GitHub.Event["pull_request"]["draft"] == false, "github.event.pull_request.draft == false" },
        { Contexts.GitHub.Event["pull_request"]["labels"].Each("name").Contains("deploy"), "contains(github.event.pull_request.labels.*.name, 'deploy')" },
        { Contexts.Needs<A>().Failed | Contexts.Needs<B>().Skipped, "needs.A.result == 'failure' || needs.B.result == 'skipped'" },
        { Contexts.Output(Version) == "1.0", "needs.*.outputs.version == '1.0'" },
        { Contexts.Input(Channel) == "it's", "inputs.channel == 'it''s'" },
        { Contexts.GitHub.RunAttempt > 1, "github.run_attempt > 1" },
        { Contexts.Step("meta").Output("tags").IsSet(), "steps.meta.outputs.tags != ''" },
        { Functions.FromJson(Contexts.Step("list").Output("json"))["count"].AsNumber() >= 2.5, "fromJSON(steps.list.outputs.json).count >= 2.5" },
        { Contexts.GitHub.Event["head-commit"]["message"].AsString().Contains("[skip]"), "contains(github.event.head-commit.message, '[skip]')" },
        { Contexts.GitHub.Event["a b"] == "x", "github.event['a b'] == 'x'" },
        { Contexts.GitHub.Workflow + "-" + Contexts.GitHub.Ref == "ci-main", "format('{0}-{1}', github.workflow, github.ref) == 'ci-main'" },
    };

    [Theory]
    [MemberData(nameof(Conditions))]
    public void Expressions_render_as_GitHub_reads_them(Expression expression, string expected) =>
        Assert.Equal(expected, ExpressionText.Of(expression.Node, ExpressionText.Local));

    [Fact]
    public void A_value_writes_text_as_text_and_expressions_inside_markers()
    {
        StringExpression group = "deploy-" + Contexts.GitHub.Ref + "-{x}";

        Assert.Equal("deploy-${{ github.ref }}-{x}", ExpressionText.AsValue(group.Node, ExpressionText.Local));
        Assert.Equal("${{ vars.A || 'fallback' }}", ExpressionText.AsValue(Contexts.Vars("A").OrElse("fallback").Node, ExpressionText.Local));
        Assert.Equal("${{ hashFiles('**/*.csproj', '!bin/**') }}", ExpressionText.AsValue(Functions.HashFiles("**/*.csproj", "!bin/**").Node, ExpressionText.Local));
        Assert.Equal("${{ toJSON(github.event) }}", ExpressionText.AsValue(Functions.ToJson(Contexts.GitHub.Event).Node, ExpressionText.Local));
    }

    [Fact]
    public void Literal_text_that_holds_an_expression_marker_is_never_evaluated_by_GitHub()
    {
        StringExpression text = "a ${{ secrets.X }}";

        Assert.Equal("${{ 'a ${{ secrets.X }}' }}", ExpressionText.AsValue(text.Node, ExpressionText.Local));
        Assert.Equal("format('{{0}} {0}', github.ref)", ExpressionText.Of(((StringExpression)"{0} " + Contexts.GitHub.Ref).Node, ExpressionText.Local));
    }

    [Fact]
    public void Names_that_could_break_out_of_an_expression_are_refused()
    {
        Assert.Throws<ArgumentException>(() => Contexts.Vars("A || true"));
        Assert.Throws<ArgumentException>(() => Contexts.Step("x.outputs"));
        Assert.Throws<ArgumentException>(() => Contexts.Env(""));
    }

    [Fact]
    public void A_boolean_expression_is_a_condition_shown_as_its_expression()
    {
        Condition condition = Contexts.Vars("DEPLOY") == "true";

        Assert.IsType<Condition.ExpressionHolds>(condition);
        Assert.Equal("vars.DEPLOY == 'true'", condition.ToString());
        Assert.False(condition.DependsOnStatus);
        Assert.True(((Condition)(Functions.Always() & (Contexts.Vars("A") == "1"))).DependsOnStatus);
    }
}
