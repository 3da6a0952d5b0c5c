namespace Pipeline;

/// <summary>An expression whose value is a number (<c>github.run_attempt</c>, a number input).</summary>
public sealed class NumberExpression : Expression
{
    internal NumberExpression(ExpressionNode node)
        : base(node)
    {
    }

    public static implicit operator NumberExpression(double value) => new(Literal(value));

    public static BooleanExpression operator ==(NumberExpression left, NumberExpression right) => Compare("==", left, right);

    public static BooleanExpression operator !=(NumberExpression left, NumberExpression right) => Compare("!=", left, right);

    public static BooleanExpression operator <(NumberExpression left, NumberExpression right) => Compare("<", left, right);

    public static BooleanExpression operator <=(NumberExpression left, NumberExpression right) => Compare("<=", left, right);

    public static BooleanExpression operator >(NumberExpression left, NumberExpression right) => Compare(">", left, right);

    public static BooleanExpression operator >=(NumberExpression left, NumberExpression right) => Compare(">=", left, right);

    public static NumberExpression FromDouble(double value) => value;

    public override bool Equals(object? obj) => base.Equals(obj);

    public override int GetHashCode() => base.GetHashCode();
}
