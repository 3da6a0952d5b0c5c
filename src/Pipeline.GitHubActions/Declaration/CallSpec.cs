using System.Globalization;

namespace Pipeline.GitHubActions;

/// <summary>
/// How a job calls a reusable workflow: its inputs (<c>with:</c>), the secrets it passes, the
/// token's permissions, a condition and a matrix. For a workflow class of this pipeline, inputs and
/// secrets are named by their parameters and checked against what the callee declares. Like the
/// other specs, only a builder.
/// </summary>
public sealed class CallSpec
{
    private readonly CallCallee _callee;
    private readonly List<CallInputValue> _with = [];
    private readonly List<CallSecret> _secrets = [];
    private readonly List<KeyValuePair<string, IReadOnlyList<string>>> _matrix = [];
    private readonly List<Type> _after = [];
    private bool _inherit;
    private List<PermissionGrant>? _permissions;
    private Condition? _if;
    private string? _name;

    internal CallSpec(CallCallee callee) => _callee = callee;

    /// <summary>The callee's input declared for <paramref name="input"/>, a string.</summary>
    public CallSpec With(IParameter input, string value) => Add(input, null, CallValueKind.Text, DeclaredText.Of(value));

    /// <summary>The callee's input declared for <paramref name="input"/>, a boolean.</summary>
    public CallSpec With(IParameter input, bool value) => Add(input, null, CallValueKind.Boolean, DeclaredText.Of(value ? "true" : "false"));

    /// <summary>The callee's input declared for <paramref name="input"/>, a number.</summary>
    public CallSpec With(IParameter input, double value) => Add(input, null, CallValueKind.Number, DeclaredText.Of(value.ToString(CultureInfo.InvariantCulture)));

    /// <summary>The callee's input declared for <paramref name="input"/>, from a typed expression (<c>Contexts.GitHub.EventName</c>, <c>Contexts.Matrix(Os)</c>).</summary>
    public CallSpec With(IParameter input, Expression value)
    {
        ArgumentNullException.ThrowIfNull(value);
        return Add(input, null, KindOf(value), DeclaredText.Of(value));
    }

    /// <summary>An input by its id (<c>inputs.&lt;id&gt;</c>), a string: for a remote callee, whose inputs are not known here.</summary>
    public CallSpec With(string input, string value) => Add(null, input, CallValueKind.Text, DeclaredText.Of(value));

    /// <summary>An input by its id, a boolean.</summary>
    public CallSpec With(string input, bool value) => Add(null, input, CallValueKind.Boolean, DeclaredText.Of(value ? "true" : "false"));

    /// <summary>An input by its id, a number.</summary>
    public CallSpec With(string input, double value) => Add(null, input, CallValueKind.Number, DeclaredText.Of(value.ToString(CultureInfo.InvariantCulture)));

    /// <summary>An input by its id, from a typed expression.</summary>
    public CallSpec With(string input, Expression value)
    {
        ArgumentNullException.ThrowIfNull(value);
        return Add(null, input, KindOf(value), DeclaredText.Of(value));
    }

    /// <summary>Passes the caller's secret <paramref name="secret"/> to the callee, which reads the same parameter.</summary>
    public CallSpec Secret(IParameter secret) => Secret(secret, secret);

    /// <summary>Passes the caller's secret <paramref name="from"/> as the callee's secret <paramref name="calleeSecret"/> (renamed).</summary>
    public CallSpec Secret(IParameter calleeSecret, IParameter from)
    {
        ArgumentNullException.ThrowIfNull(calleeSecret);
        ArgumentNullException.ThrowIfNull(from);
        _secrets.Add(new CallSecret(calleeSecret, null, from));
        return this;
    }

    /// <summary>Passes the caller's secret <paramref name="from"/> under the name a remote callee declares.</summary>
    public CallSpec Secret(string name, IParameter from)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(name);
        ArgumentNullException.ThrowIfNull(from);
        _secrets.Add(new CallSecret(null, name, from));
        return this;
    }

    /// <summary>
    /// Passes every secret the caller can read (<c>secrets: inherit</c>). Allowed, but generation
    /// warns: the callee gets more than it needs, and nothing checks what it reads.
    /// </summary>
    public CallSpec InheritSecrets()
    {
        _inherit = true;
        return this;
    }

    /// <summary>The <c>GITHUB_TOKEN</c>'s permissions in the call, replacing the workflow's; the callee's jobs get at most these.</summary>
    public CallSpec Permissions(params PermissionGrant[] grants)
    {
        _permissions = [.. grants];
        return this;
    }

    /// <summary>The call runs only when this holds (<c>if:</c>), besides the condition of its target.</summary>
    public CallSpec If(Condition condition)
    {
        ArgumentNullException.ThrowIfNull(condition);
        _if = _if is null ? condition : _if & condition;
        return this;
    }

    /// <summary>One call per value of this axis (<c>strategy.matrix</c>); its value reads as <c>Contexts.Matrix("axis")</c>.</summary>
    public CallSpec Matrix(string axis, params string[] values)
    {
        _matrix.Add(new(Contexts.CheckedName(axis), [.. values]));
        return this;
    }

    /// <summary>A call of a table row waits for <typeparamref name="TTarget"/>'s job (the jobs its expressions read it waits for anyway).</summary>
    public CallSpec After<TTarget>() where TTarget : Target
    {
        _after.Add(typeof(TTarget));
        return this;
    }

    /// <summary>The name GitHub shows for the call.</summary>
    public CallSpec Name(string displayName)
    {
        _name = displayName;
        return this;
    }

    internal CallDeclaration ToDeclaration() =>
        new(_callee, [.. _with], [.. _secrets], _inherit, _permissions is null ? null : [.. _permissions], _if, [.. _matrix], [.. _after], _name);

    private static CallValueKind KindOf(Expression value) => value switch
    {
        BooleanExpression => CallValueKind.Boolean,
        NumberExpression => CallValueKind.Number,
        StringExpression => CallValueKind.Text,
        _ => CallValueKind.Any,
    };

    private CallSpec Add(IParameter? input, string? id, CallValueKind kind, DeclaredText value)
    {
        if (input is null)
        {
            ArgumentException.ThrowIfNullOrWhiteSpace(id);
        }

        _with.Add(new CallInputValue(input, id, kind, value));
        return this;
    }
}
