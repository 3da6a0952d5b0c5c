using System.Globalization;
using System.Text;
using System.Text.Json;
using System.Text.Json.Nodes;

namespace Pipeline;

/// <summary>
/// Evaluates an expression tree as GitHub would, from a <see cref="IExpressionScope"/>. Three-valued:
/// a missing fact makes the result unknown, except where it cannot matter (<c>false &amp;&amp; x</c>).
/// </summary>
internal static class ExpressionEvaluator
{
    private static readonly JsonSerializerOptions Indented = new() { WriteIndented = true };

    public static Evaluated Evaluate(ExpressionNode node, IExpressionScope scope) => node switch
    {
        LiteralNode literal => Evaluated.Of(literal.Value),
        ContextNode path => scope.Context(path.Path),
        MemberNode member => Map(Evaluate(member.Of, scope), v => ExpressionValues.Member(v, member.Name)),
        NeedsResultNode needs => scope.Result(needs.Target),
        NeedsOutputNode output => scope.Output(output.Output),
        InputNode input => scope.Input(input.Parameter),
        NotNode not => Map(Evaluate(not.Operand, scope), v => !ExpressionValues.IsTruthy(v)),
        BinaryNode { Operator: "&&" } and => And(Evaluate(and.Left, scope), Evaluate(and.Right, scope)),
        BinaryNode { Operator: "||" } or => Or(Evaluate(or.Left, scope), Evaluate(or.Right, scope)),
        BinaryNode binary => Compare(binary.Operator, Evaluate(binary.Left, scope), Evaluate(binary.Right, scope)),
        ConcatNode concat => All(concat.Parts.Select(p => Evaluate(p, scope)), values => string.Concat(values.Select(ExpressionValues.ToText))),
        CallNode call when Functions.StatusFunctions.Contains(call.Function) => scope.Status(call.Function),
        CallNode { Function: "hashFiles" } hash => HashFiles(hash, scope),
        CallNode call => All(call.Arguments.Select(a => Evaluate(a, scope)), values => Call(call.Function, values)),
        _ => throw new NotSupportedException($"No local evaluation for {node.GetType().Name}."),
    };

    /// <summary>Members of a resolved value, with GitHub's "*" filter mapping the members after it over each item.</summary>
    internal static object? Walk(object? value, IEnumerable<string> members)
    {
        var filtered = false;
        foreach (var member in members)
        {
            if (member == "*")
            {
                value = ExpressionValues.Member(value, "*");
                filtered = true;
            }
            else
            {
                value = filtered && value is JsonArray items ? ExpressionValues.MemberOfEach(items, member) : ExpressionValues.Member(value, member);
            }
        }

        return value;
    }

    private static Evaluated And(Evaluated left, Evaluated right) => (left, right) switch
    {
        (Evaluated.Known l, _) when !ExpressionValues.IsTruthy(l.Value) => l,
        (Evaluated.Known, _) => right,
        (_, Evaluated.Known r) when !ExpressionValues.IsTruthy(r.Value) => r, // falsy whatever the left was
        _ => Evaluated.Unknown.Of([left, right]),
    };

    private static Evaluated Or(Evaluated left, Evaluated right) => (left, right) switch
    {
        (Evaluated.Known l, _) when ExpressionValues.IsTruthy(l.Value) => l,
        (Evaluated.Known, _) => right,
        (_, Evaluated.Known r) when ExpressionValues.IsTruthy(r.Value) => r, // truthy whatever the left was
        _ => Evaluated.Unknown.Of([left, right]),
    };

    private static Evaluated Compare(string op, Evaluated left, Evaluated right) =>
        All([left, right], v => op switch
        {
            "==" => ExpressionValues.LooselyEqual(v[0], v[1]),
            "!=" => !ExpressionValues.LooselyEqual(v[0], v[1]),
            _ => ExpressionValues.Order(v[0], v[1]) is { } order && op switch
            {
                "<" => order < 0,
                "<=" => order <= 0,
                ">" => order > 0,
                ">=" => order >= 0,
                _ => throw new NotSupportedException($"Unknown operator {op}."),
            },
        });

    private static object? Call(string function, IReadOnlyList<object?> args) => function switch
    {
        "contains" => args[0] is JsonArray list
            ? list.Any(item => ExpressionValues.LooselyEqual(ExpressionValues.FromJson(item), args[1]))
            : ExpressionValues.ToText(args[0]).Contains(ExpressionValues.ToText(args[1]), StringComparison.OrdinalIgnoreCase),
        "startsWith" => ExpressionValues.ToText(args[0]).StartsWith(ExpressionValues.ToText(args[1]), StringComparison.OrdinalIgnoreCase),
        "endsWith" => ExpressionValues.ToText(args[0]).EndsWith(ExpressionValues.ToText(args[1]), StringComparison.OrdinalIgnoreCase),
        "format" => Format(ExpressionValues.ToText(args[0]), args.Skip(1).ToList()),
        "join" => args[0] is JsonArray items
            ? string.Join(args.Count > 1 ? ExpressionValues.ToText(args[1]) : ",", items.Select(i => ExpressionValues.ToText(ExpressionValues.FromJson(i))))
            : ExpressionValues.ToText(args[0]),
        "toJSON" => ExpressionValues.ToJson(args[0])?.ToJsonString(Indented) ?? "null",
        "fromJSON" => ExpressionValues.Parse(ExpressionValues.ToText(args[0])),
        _ => throw new NotSupportedException($"Unknown function {function}."),
    };

    private static string Format(string format, List<object?> values)
    {
        var text = new StringBuilder();
        for (var i = 0; i < format.Length; i++)
        {
            if (format[i] is '{' or '}' && i + 1 < format.Length && format[i + 1] == format[i])
            {
                text.Append(format[i++]);
            }
            else if (format[i] == '{' && format.IndexOf('}', i) is > 0 and var end
                && int.TryParse(format.AsSpan(i + 1, end - i - 1), NumberStyles.None, CultureInfo.InvariantCulture, out var index) && index < values.Count)
            {
                text.Append(ExpressionValues.ToText(values[index]));
                i = end;
            }
            else
            {
                text.Append(format[i]);
            }
        }

        return text.ToString();
    }

    private static Evaluated HashFiles(CallNode call, IExpressionScope scope) =>
        scope.Workspace is { } workspace
            ? Evaluated.Of(LocalFileHash.Of(workspace, [.. call.Arguments.Select(a => ExpressionValues.ToText(((LiteralNode)a).Value))]))
            : Evaluated.Missing("hashFiles(…)", "the workspace is not known here");

    private static Evaluated Map(Evaluated value, Func<object?, object?> map) =>
        value is Evaluated.Known known ? Evaluated.Of(map(known.Value)) : value;

    private static Evaluated All(IEnumerable<Evaluated> values, Func<IReadOnlyList<object?>, object?> map)
    {
        var list = values.ToList();
        return list.All(v => v is Evaluated.Known)
            ? Evaluated.Of(map([.. list.Cast<Evaluated.Known>().Select(k => k.Value)]))
            : Evaluated.Unknown.Of(list);
    }
}
