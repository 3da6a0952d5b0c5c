namespace Pipeline.GitHubActions;

/// <summary>
/// A value declared for CI: text written as given (where the API allows, it may hold <c>${{ }}</c>),
/// or a typed expression, written once the workflow knows its jobs and inputs.
/// </summary>
internal sealed record DeclaredText(string? Text, Expression? Typed)
{
    public static DeclaredText Of(string text) => new(text, null);

    public static DeclaredText Of(Expression expression) => new(null, expression);

    public string Render(IExpressionNames names) => Text ?? ExpressionText.AsValue(Typed!.Node, names);
}
