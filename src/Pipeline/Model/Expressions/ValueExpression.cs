namespace Pipeline;

/// <summary>
/// An expression whose value may be anything JSON can hold: an event's payload
/// (<c>github.event.pull_request</c>), a matrix field, <c>fromJSON(…)</c>. Read into it with the
/// indexers, filter a list's members with <see cref="Each"/>, and say what type you expect with
/// <see cref="AsString"/>, <see cref="AsBoolean"/> or <see cref="AsNumber"/>.
/// </summary>
public sealed class ValueExpression : Expression
{
    internal ValueExpression(ExpressionNode node)
        : base(node)
    {
    }

    /// <summary>A member: <c>github.event["pull_request"]["draft"]</c>.</summary>
    public ValueExpression this[string member] => new(Member(Node, member));

    /// <summary>The same member of every item (GitHub's object filter <c>labels.*.name</c>): a list.</summary>
    public ValueExpression Each(string member) => new(Member(Member(Node, "*"), member));

    public StringExpression AsString() => new(Node);

    public BooleanExpression AsBoolean() => new(Node);

    public NumberExpression AsNumber() => new(Node);

    /// <summary>For a list: whether an item equals <paramref name="item"/>; for text: whether it contains it.</summary>
    public BooleanExpression Contains(StringExpression item) => new(new CallNode("contains", [Node, item.Node]));

    public static BooleanExpression operator ==(ValueExpression left, StringExpression right) => Compare("==", left, right);

    public static BooleanExpression operator !=(ValueExpression left, StringExpression right) => Compare("!=", left, right);

    public static BooleanExpression operator ==(ValueExpression left, BooleanExpression right) => Compare("==", left, right);

    public static BooleanExpression operator !=(ValueExpression left, BooleanExpression right) => Compare("!=", left, right);

    public override bool Equals(object? obj) => base.Equals(obj);

    public override int GetHashCode() => base.GetHashCode();

    // Context paths stay one path (github.event.pull_request.draft), so a local run can look them up whole.
    internal static ExpressionNode Member(ExpressionNode of, string member) =>
        of is ContextNode context ? new ContextNode([.. context.Path, member]) : new MemberNode(of, member);
}
