using System.Globalization;
using System.Text;

namespace Pipeline;

/// <summary>What a rendering needs to know of the workflow: the ids GitHub knows targets and parameters by.</summary>
internal interface IExpressionNames
{
    /// <summary>The id of the job that runs <paramref name="target"/>.</summary>
    string JobOf(Type target);

    /// <summary>The id of the job whose target produces <paramref name="output"/>.</summary>
    string JobProducing(IOutput output);

    /// <summary>The id of the workflow input declared for <paramref name="parameter"/>.</summary>
    string InputOf(IParameter parameter);
}

/// <summary>Writes an expression tree in GitHub's syntax.</summary>
internal static class ExpressionText
{
    private const int OrLevel = 1;
    private const int AndLevel = 2;
    private const int EqualityLevel = 3;
    private const int ComparisonLevel = 4;
    private const int UnaryLevel = 5;
    private const int PrimaryLevel = 6;

    private const string ExpressionStart = "${{";

    /// <summary>For messages and <c>--plan</c>: targets and inputs under their local names.</summary>
    public static string Display(ExpressionNode node) => Of(node, Local);

    /// <summary>The names a local run shows: a target's class name, a parameter's kebab-case name.</summary>
    public static IExpressionNames Local => LocalNames.Instance;

    /// <summary>The expression alone, as an <c>if:</c> holds it.</summary>
    public static string Of(ExpressionNode node, IExpressionNames names) => Render(node, names, 0);

    /// <summary>Safe to join with <c>&amp;&amp;</c>: parenthesised when it is an <c>||</c>.</summary>
    public static string AsOperandOfAnd(ExpressionNode node, IExpressionNames names) => Render(node, names, AndLevel);

    /// <summary>As a value (an env entry, a name, a URL): text as it is, expressions in <c>${{ }}</c>.</summary>
    public static string AsValue(ExpressionNode node, IExpressionNames names) => node switch
    {
        LiteralNode { Value: string text } => LiteralValue(text),
        LiteralNode literal => Literal(literal.Value),
        ConcatNode concat => string.Concat(concat.Parts.Select(p => p is LiteralNode { Value: string text } ? LiteralValue(text) : Embedded(p, names))),
        _ => Embedded(node, names),
    };

    private static string Embedded(ExpressionNode node, IExpressionNames names) => $"${{{{ {Of(node, names)} }}}}";

    // A literal "${{" in a value would be evaluated by GitHub: written as an expression of the text itself.
    private static string LiteralValue(string text) =>
        text.Contains(ExpressionStart, StringComparison.Ordinal) ? $"${{{{ {Quoted(text)} }}}}" : text;

    private static string Render(ExpressionNode node, IExpressionNames names, int context)
    {
        var (text, level) = node switch
        {
            LiteralNode literal => (Literal(literal.Value), PrimaryLevel),
            ContextNode path => (Path(path.Path[0], path.Path.Skip(1)), PrimaryLevel),
            MemberNode member => (Render(member.Of, names, PrimaryLevel) + Segment(member.Name), PrimaryLevel),
            NeedsResultNode needs => ($"needs.{names.JobOf(needs.Target)}.result", PrimaryLevel),
            NeedsOutputNode output => ($"needs.{names.JobProducing(output.Output)}.outputs.{output.Output.Id}", PrimaryLevel),
            InputNode input => ($"inputs.{names.InputOf(input.Parameter)}", PrimaryLevel),
            CallNode call => ($"{call.Function}({string.Join(", ", call.Arguments.Select(a => Render(a, names, 0)))})", PrimaryLevel),
            NotNode not => ("!" + Render(not.Operand, names, UnaryLevel), UnaryLevel),
            BinaryNode binary => Binary(binary, names),
            ConcatNode concat => (Format(concat, names), PrimaryLevel),
            _ => throw new NotSupportedException($"No GitHub syntax for {node.GetType().Name}."),
        };

        return level < context ? $"({text})" : text;
    }

    private static (string, int) Binary(BinaryNode binary, IExpressionNames names)
    {
        var level = binary.Operator switch
        {
            "||" => OrLevel,
            "&&" => AndLevel,
            "==" or "!=" => EqualityLevel,
            _ => ComparisonLevel,
        };

        // Left-associative: the right operand of the same level needs parentheses unless it is && or ||.
        var rightLevel = level is OrLevel or AndLevel ? level : level + 1;
        return ($"{Render(binary.Left, names, level)} {binary.Operator} {Render(binary.Right, names, rightLevel)}", level);
    }

    private static string Format(ConcatNode concat, IExpressionNames names)
    {
        var format = new StringBuilder();
        var arguments = new List<string>();
        foreach (var part in concat.Parts)
        {
            if (part is LiteralNode { Value: string text })
            {
                format.Append(text.Replace("{", "{{", StringComparison.Ordinal).Replace("}", "}}", StringComparison.Ordinal));
            }
            else
            {
                format.Append(CultureInfo.InvariantCulture, $"{{{arguments.Count}}}");
                arguments.Add(Render(part, names, 0));
            }
        }

        return $"format({Quoted(format.ToString())}{string.Concat(arguments.Select(a => ", " + a))})";
    }

    private static string Path(string context, IEnumerable<string> members) => context + string.Concat(members.Select(Segment));

    private static string Segment(string member) =>
        member == "*" ? ".*"
        : member.Length > 0 && (char.IsAsciiLetter(member[0]) || member[0] == '_') && member.All(c => char.IsAsciiLetterOrDigit(c) || c is '_' or '-')
            ? "." + member
            : $"[{Quoted(member)}]";

    internal static string Literal(object? value) => value switch
    {
        null => "null",
        bool b => b ? "true" : "false",
        double d => ExpressionValues.NumberText(d),
        string s => Quoted(s),
        _ => throw new NotSupportedException($"No GitHub literal for {value.GetType().Name}."),
    };

    private static string Quoted(string text) => "'" + text.Replace("'", "''", StringComparison.Ordinal) + "'";

    /// <summary>Names for display: the target's class name, the parameter's option name.</summary>
    private sealed class LocalNames : IExpressionNames
    {
        public static LocalNames Instance { get; } = new();

        public string JobOf(Type target) => target.Name;

        public string JobProducing(IOutput output) => "*";

        public string InputOf(IParameter parameter) => ParameterNames.ToKebabCase(parameter.Name);
    }
}
