namespace Pipeline;

/// <summary>GitHub's expression functions, typed. A local run computes each the way GitHub does.</summary>
public static class Functions
{
    /// <summary>Whether <paramref name="text"/> contains <paramref name="search"/>, ignoring case.</summary>
    public static BooleanExpression Contains(StringExpression text, StringExpression search) => Bool("contains", text, search);

    public static BooleanExpression StartsWith(StringExpression text, StringExpression prefix) => Bool("startsWith", text, prefix);

    public static BooleanExpression EndsWith(StringExpression text, StringExpression suffix) => Bool("endsWith", text, suffix);

    /// <summary><c>format('{0}-{1}', a, b)</c>; <c>{{</c> and <c>}}</c> are literal braces.</summary>
    public static StringExpression Format(string format, params Expression[] values)
    {
        ArgumentNullException.ThrowIfNull(values);
        return new(new CallNode("format", [new LiteralNode(format), .. values.Select(v => v.Node)]));
    }

    /// <summary>The items of a list as text, separated by <paramref name="separator"/>.</summary>
    public static StringExpression Join(ValueExpression list, string separator = ",") =>
        new(new CallNode("join", [list.Node, new LiteralNode(separator)]));

    public static StringExpression ToJson(Expression value) => new(new CallNode("toJSON", [value.Node]));

    public static ValueExpression FromJson(StringExpression json) => new(new CallNode("fromJSON", [json.Node]));

    /// <summary>One hash over the files the patterns match (relative to the workspace); "" when none match.</summary>
    public static StringExpression HashFiles(params string[] patterns)
    {
        ArgumentNullException.ThrowIfNull(patterns);
        return patterns.Length == 0
            ? throw new ArgumentException("hashFiles needs at least one pattern.", nameof(patterns))
            : new(new CallNode("hashFiles", [.. patterns.Select(p => new LiteralNode(p))]));
    }

    /// <summary>Nothing before it failed or was canceled (GitHub's default for every <c>if:</c>).</summary>
    public static BooleanExpression Success() => Status("success");

    /// <summary>Something before it failed.</summary>
    public static BooleanExpression Failure() => Status("failure");

    /// <summary>Whatever happened before it, even cancellation.</summary>
    public static BooleanExpression Always() => Status("always");

    public static BooleanExpression Cancelled() => Status("cancelled");

    internal static readonly IReadOnlySet<string> StatusFunctions = new HashSet<string>(["success", "failure", "always", "cancelled"], StringComparer.Ordinal);

    private static BooleanExpression Status(string name) => new(new CallNode(name, []));

    private static BooleanExpression Bool(string name, Expression a, Expression b) => new(new CallNode(name, [a.Node, b.Node]));
}
