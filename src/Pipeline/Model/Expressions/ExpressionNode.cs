namespace Pipeline;

/// <summary>
/// The tree behind every typed expression. Internal: users build it through <see cref="Contexts"/>,
/// <see cref="Functions"/> and the operators of the typed expressions; the generator writes it as
/// GitHub's syntax (<see cref="ExpressionText"/>) and a local run evaluates it (<see cref="ExpressionEvaluator"/>).
/// </summary>
internal abstract record ExpressionNode;

/// <summary>null, a boolean, a number (double) or a string.</summary>
internal sealed record LiteralNode(object? Value) : ExpressionNode;

/// <summary>A path into a context: <c>github.event.pull_request.draft</c>; "*" is GitHub's object filter.</summary>
internal sealed record ContextNode(IReadOnlyList<string> Path) : ExpressionNode
{
    public string Context => Path[0];
}

/// <summary>A member (or "*" filter) of a computed value: <c>fromJSON(x).name</c>.</summary>
internal sealed record MemberNode(ExpressionNode Of, string Name) : ExpressionNode;

/// <summary><c>needs.&lt;job of Target&gt;.result</c>: how a target this one follows ended.</summary>
internal sealed record NeedsResultNode(Type Target) : ExpressionNode;

/// <summary><c>needs.&lt;job of its producer&gt;.outputs.&lt;id&gt;</c>: an output of a target this one follows.</summary>
internal sealed record NeedsOutputNode(IOutput Output) : ExpressionNode;

/// <summary><c>inputs.&lt;id&gt;</c>: a workflow input, locally the parameter's value.</summary>
internal sealed record InputNode(IParameter Parameter) : ExpressionNode;

internal sealed record CallNode(string Function, IReadOnlyList<ExpressionNode> Arguments) : ExpressionNode;

internal sealed record BinaryNode(string Operator, ExpressionNode Left, ExpressionNode Right) : ExpressionNode;

internal sealed record NotNode(ExpressionNode Operand) : ExpressionNode;

/// <summary>Text and expressions side by side: <c>${{ github.workflow }}-${{ github.ref }}</c> as a value, <c>format(…)</c> inside one.</summary>
internal sealed record ConcatNode(IReadOnlyList<ExpressionNode> Parts) : ExpressionNode;

/// <summary>Walks an expression tree: what a condition reads decides when and where it can be decided.</summary>
internal static class ExpressionTree
{
    /// <summary>The node and every node below it, parents first.</summary>
    public static IEnumerable<ExpressionNode> Nodes(ExpressionNode node) => [node, .. Children(node).SelectMany(Nodes)];

    private static IEnumerable<ExpressionNode> Children(ExpressionNode node) => node switch
    {
        MemberNode member => [member.Of],
        CallNode call => call.Arguments,
        BinaryNode binary => [binary.Left, binary.Right],
        NotNode not => [not.Operand],
        ConcatNode concat => concat.Parts,
        _ => [],
    };
}
