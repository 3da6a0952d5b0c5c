namespace Pipeline.GitHubActions;

/// <summary>
/// A <see cref="Condition"/> written as a GitHub Actions expression, reading the same facts the
/// local evaluation reads: <c>github.event_name</c> and <c>github.ref</c>.
/// </summary>
internal static class GitHubExpression
{
    private const int Or = 1;
    private const int And = 2;
    private const int Unary = 3;

    public static string Of(Condition condition, IExpressionNames names) => Render(condition, names, 0);

    /// <summary>Safe to join with <c>&amp;&amp;</c>: parenthesised when it is an <c>||</c>.</summary>
    public static string AsOperandOfAnd(Condition condition, IExpressionNames names) => Render(condition, names, And);

    private static string Render(Condition condition, IExpressionNames names, int context)
    {
        var (text, precedence) = condition switch
        {
            Condition.EventIs e => ($"github.event_name == '{RunEventNames.Of(e.Event)}'", Unary),
            Condition.BranchIs b => ($"github.ref == 'refs/heads/{b.Branch}'", Unary),
            Condition.TagStartsWith t => ($"startsWith(github.ref, 'refs/tags/{t.Prefix}')", Unary),
            Condition.Status { Kind: RunStatus.Always } => ("always()", Unary),
            Condition.Status { Kind: RunStatus.Failure } => ("failure()", Unary),
            Condition.AllOf all => ($"{Render(all.Left, names, And)} && {Render(all.Right, names, And)}", And),
            Condition.AnyOf any => ($"{Render(any.Left, names, Or)} || {Render(any.Right, names, Or)}", Or),
            Condition.NoneOf none => (Negate(Render(none.Operand, names, 0)), Unary),
            Condition.ExpressionHolds holds => (ExpressionText.Of(holds.Expression.Node, names), Or), // parenthesised inside && and !
            _ => throw new NotSupportedException($"No GitHub expression for the condition {condition}."),
        };

        return precedence < context ? $"({text})" : text;
    }

    // '!' binds tighter than '==', so anything but a bare call is negated in parentheses.
    private static string Negate(string operand) => operand.Contains(' ', StringComparison.Ordinal) ? $"!({operand})" : $"!{operand}";
}
