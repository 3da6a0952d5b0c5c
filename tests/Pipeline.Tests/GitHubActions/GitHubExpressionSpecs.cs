using Pipeline.GitHubActions;

namespace Pipeline.Tests.GitHubActions;

public sealed class GitHubExpressionSpecs
{
    public static TheoryData<Condition, string> Cases() => new()
    {
        { Condition.OnPush, "github.event_name == 'push'" },
        { Condition.OnWorkflowDispatch, "github.event_name == 'workflow_dispatch'" },
        { Condition.OnBranch("release/2.x"), "github.ref == 'refs/heads/release/2.x'" },
        { Condition.OnTag(), "startsWith(github.ref, 'refs/tags/')" },
        { Condition.OnPush & Condition.OnBranch("main"), "github.event_name == 'push' && github.ref == 'refs/heads/main'" },
        { Condition.OnPush & (Condition.OnBranch("main") | Condition.OnTag("v")), "github.event_name == 'push' && (github.ref == 'refs/heads/main' || startsWith(github.ref, 'refs/tags/v'))" },
        { (Condition.OnPush & Condition.OnBranch("main")) | Condition.OnTag("v"), "github.event_name == 'push' && github.ref == 'refs/heads/main' || startsWith(github.ref, 'refs/tags/v')" },
        { !Condition.OnPullRequest, "!(github.event_name == 'pull_request')" },
        { !(Condition.OnPush | Condition.OnSchedule), "!(github.event_name == 'push' || github.event_name == 'schedule')" },
        { !Condition.Always, "!always()" },
        { Condition.OnFailure & Condition.OnBranch("main"), "failure() && github.ref == 'refs/heads/main'" },
    };

    [Theory]
    [MemberData(nameof(Cases))]
    public void Conditions_render_as_GitHub_expressions_with_the_parentheses_they_need(Condition condition, string expected) =>
        Assert.Equal(expected, GitHubExpression.Of(condition, ExpressionText.Local));
}
