namespace Pipeline;

/// <summary>An expression GitHub reads as true or false: a job's or step's <c>if:</c>, or a target's condition.</summary>
public sealed class BooleanExpression : Expression
{
    internal BooleanExpression(ExpressionNode node)
        : base(node)
    {
    }

    public static implicit operator BooleanExpression(bool value) => new(Literal(value));

    /// <summary>A target's condition: <c>.OnlyWhen(Contexts.Vars("DEPLOY") == "true")</c>.</summary>
    public static implicit operator Condition(BooleanExpression expression) => Condition.When(expression);

    public static BooleanExpression operator &(BooleanExpression left, BooleanExpression right) => new(new BinaryNode("&&", left.Node, right.Node));

    public static BooleanExpression operator |(BooleanExpression left, BooleanExpression right) => new(new BinaryNode("||", left.Node, right.Node));

    public static BooleanExpression operator !(BooleanExpression operand) => new(new NotNode(operand.Node));

    public static BooleanExpression operator ==(BooleanExpression left, BooleanExpression right) => Compare("==", left, right);

    public static BooleanExpression operator !=(BooleanExpression left, BooleanExpression right) => Compare("!=", left, right);

    public static BooleanExpression FromBoolean(bool value) => value;

    public static BooleanExpression BitwiseAnd(BooleanExpression left, BooleanExpression right) => left & right;

    public static BooleanExpression BitwiseOr(BooleanExpression left, BooleanExpression right) => left | right;

    public static BooleanExpression LogicalNot(BooleanExpression operand) => !operand;

    public Condition ToCondition() => this;

    public override bool Equals(object? obj) => base.Equals(obj);

    public override int GetHashCode() => base.GetHashCode();
}
