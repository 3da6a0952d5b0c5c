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

    public static string Of(Condition condition) => Render(condition, 0);

    /// <summary>Safe to join with <c>&amp;&amp;</c>: parenthesised when it is an <c>||</c>.</summary>
    public static string AsOperandOfAnd(Condition condition) => Render(condition, And);

    private static string Render(Condition condition, int context)
    {
        var (text, precedence) = condition switch
        {
            Condition.EventIs e => ($"github.event_name == '{RunEventNames.Of(e.Event)}'", Unary),
            Condition.BranchIs b => ($"github.ref == 'refs/heads/{b.Branch}'", Unary),
            Condition.TagStartsWith t => ($"startsWith(github.ref, 'refs/tags/{t.Prefix}')", Unary),
            Condition.Status { Kind: RunStatus.Always } => ("always()", Unary),
            Condition.Status { Kind: RunStatus.Failure } => ("failure()", Unary),
            Condition.AllOf all => ($"{Render(all.Left, And)} && {Render(all.Right, And)}", And),
            Condition.AnyOf any => ($"{Render(any.Left, Or)} || {Render(any.Right, Or)}", Or),
            Condition.NoneOf none => (Negate(Render(none.Operand, 0)), Unary),
            _ => throw new NotSupportedException($"No GitHub expression for the condition {condition}."),
        };

        return precedence < context ? $"({text})" : text;
    }

    // '!' binds tighter than '==', so anything but a bare call is negated in parentheses.
    private static string Negate(string operand) => operand.Contains(' ', StringComparison.Ordinal) ? $"!({operand})" : $"!{operand}";
}
