namespace Pipeline;

/// <summary>
/// An expression whose value is text. A C# string converts to one; <c>+</c> joins them, written as
/// <c>${{ a }}-${{ b }}</c> in a value and as <c>format(…)</c> inside an expression.
/// GitHub compares text ignoring case, and so does a local run.
/// </summary>
public sealed class StringExpression : Expression
{
    internal StringExpression(ExpressionNode node)
        : base(node)
    {
    }

    public static implicit operator StringExpression(string value) => new(Literal(value));

    public static BooleanExpression operator ==(StringExpression left, StringExpression right) => Compare("==", left, right);

    public static BooleanExpression operator !=(StringExpression left, StringExpression right) => Compare("!=", left, right);

    public static StringExpression operator +(StringExpression left, StringExpression right) =>
        new(new ConcatNode([.. Parts(left.Node), .. Parts(right.Node)]));

    public static StringExpression FromString(string value) => value;

    public static StringExpression Add(StringExpression left, StringExpression right) => left + right;

    public BooleanExpression Contains(StringExpression text) => Functions.Contains(this, text);

    public BooleanExpression StartsWith(StringExpression prefix) => Functions.StartsWith(this, prefix);

    public BooleanExpression EndsWith(StringExpression suffix) => Functions.EndsWith(this, suffix);

    /// <summary>The same value compared as a number (<c>env.RESULT == 1</c>): GitHub turns text into a number against one.</summary>
    public NumberExpression AsNumber() => new(Node);

    /// <summary>This value, or <paramref name="fallback"/> when it is empty (<c>a || b</c>).</summary>
    public StringExpression OrElse(StringExpression fallback) => new(new BinaryNode("||", Node, fallback.Node));

    /// <summary>True when set and not empty (<c>x != ''</c>; GitHub reads an unset value as "" here).</summary>
    public BooleanExpression IsSet() => this != "";

    public override bool Equals(object? obj) => base.Equals(obj);

    public override int GetHashCode() => base.GetHashCode();

    private static IEnumerable<ExpressionNode> Parts(ExpressionNode node) => node is ConcatNode concat ? concat.Parts : [node];
}
