namespace Pipeline;

/// <summary>
/// A GitHub Actions expression, typed: built from <see cref="Contexts"/>, <see cref="Functions"/>
/// and operators, written by the generator as <c>${{ … }}</c> or an <c>if:</c>, and evaluated by a
/// local run from what it knows here (what it cannot know is reported as such, never taken as true).
/// Two expressions are equal when they read the same.
/// </summary>
public abstract class Expression : IEquatable<Expression>
{
    private protected Expression(ExpressionNode node) => Node = node;

    internal ExpressionNode Node { get; }

    public bool Equals(Expression? other) => other is not null && other.GetType() == GetType() && other.Node == Node;

    public override bool Equals(object? obj) => Equals(obj as Expression);

    public override int GetHashCode() => Node.GetHashCode();

    /// <summary>As GitHub would read it, with targets and inputs under their local names.</summary>
    public override string ToString() => ExpressionText.Display(Node);

    private protected static ExpressionNode Literal(object? value) => new LiteralNode(value);

    private protected static BooleanExpression Compare(string op, Expression left, Expression right) =>
        new(new BinaryNode(op, left.Node, right.Node));
}
