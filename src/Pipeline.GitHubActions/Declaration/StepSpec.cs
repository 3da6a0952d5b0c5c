using System.Globalization;

namespace Pipeline.GitHubActions;

/// <summary>
/// A step of a job other than <c>./build.sh</c>: an action (<see cref="Uses"/>) or a command
/// (<see cref="Run"/>), declared with <see cref="JobSpec.BeforeBuild"/> or <see cref="JobSpec.AfterBuild"/>.
/// It runs only in CI. Its values are written as given, so they may hold GitHub expressions
/// (<c>${{ steps.meta.outputs.tags }}</c>); a secret reaches it only through a secret parameter
/// (<see cref="With(string, Parameter{string})"/>, <see cref="Env(string, Parameter{string})"/>).
/// </summary>
public sealed class StepSpec
{
    private readonly List<KeyValuePair<string, StepValue>> _with = [];
    private readonly List<KeyValuePair<string, StepValue>> _env = [];
    private readonly RawKeys _raw = new();
    private string? _name;
    private string? _id;
    private string? _if;
    private Condition? _ifCondition;
    private Type? _localEquivalent;
    private string? _uses;
    private string? _run;
    private string? _shell;
    private string? _workingDirectory;
    private bool? _continueOnError;
    private TimeSpan? _timeout;

    internal StepSpec()
    {
    }

    /// <summary>
    /// The action: <c>owner/repo</c> (or <c>owner/repo/path</c>) pinned with <see cref="WorkflowSpec.Pin"/>,
    /// or with its own ref (<c>owner/repo@v4</c>), a local action (<c>./.github/actions/x</c>) or <c>docker://image</c>.
    /// </summary>
    public StepSpec Uses(string action) => Set(() => _uses = action);

    /// <summary>A command for the job's shell; several lines run as one script.</summary>
    public StepSpec Run(string script) => Set(() => _run = script);

    public StepSpec Name(string name) => Set(() => _name = name);

    /// <summary>The step's id, so later steps and the job's outputs can read <c>steps.&lt;id&gt;.outputs</c>.</summary>
    public StepSpec Id(string id) => Set(() => _id = id);

    /// <summary>The step's <c>if:</c>, a GitHub expression as GitHub reads it (<c>runner.os == 'Linux'</c>, <c>always()</c>).</summary>
    public StepSpec If(string condition) => Set(() => (_if, _ifCondition) = (condition, null));

    /// <summary>The step's <c>if:</c>, typed: <c>If(Contexts.Runner.Os == "Linux")</c>, <c>If(Functions.Always())</c>.</summary>
    public StepSpec If(Condition condition)
    {
        ArgumentNullException.ThrowIfNull(condition);
        return Set(() => (_if, _ifCondition) = (null, condition));
    }

    /// <summary>An input of the action (<c>with:</c>).</summary>
    public StepSpec With(string input, string value) => Set(() => _with.Add(new(input, new StepValue(value, null))));

    /// <summary>An input from a typed expression: <c>With("tags", Contexts.Step("meta").Output("tags"))</c>.</summary>
    public StepSpec With(string input, Expression value)
    {
        ArgumentNullException.ThrowIfNull(value);
        return Set(() => _with.Add(new(input, new StepValue(null, null, value))));
    }

    public StepSpec With(string input, bool value) => With(input, value ? "true" : "false");

    public StepSpec With(string input, int value) => With(input, value.ToString(CultureInfo.InvariantCulture));

    /// <summary>An input from a secret parameter: <c>${{ secrets.NAME }}</c>, and the job receives that secret.</summary>
    public StepSpec With(string input, Parameter<string> secret) => Set(() => _with.Add(new(input, new StepValue(null, secret))));

    /// <summary>A variable of this step.</summary>
    public StepSpec Env(string name, string value) => Set(() => _env.Add(new(name, new StepValue(value, null))));

    /// <summary>A variable of this step from a typed expression (the safe way to hand a step untrusted text such as a pull request's title).</summary>
    public StepSpec Env(string name, Expression value)
    {
        ArgumentNullException.ThrowIfNull(value);
        return Set(() => _env.Add(new(name, new StepValue(null, null, value))));
    }

    /// <summary>A variable from a secret parameter: <c>${{ secrets.NAME }}</c>, and the job receives that secret.</summary>
    public StepSpec Env(string name, Parameter<string> secret) => Set(() => _env.Add(new(name, new StepValue(null, secret))));

    /// <summary>The shell of a <see cref="Run"/> step: <c>bash</c>, <c>pwsh</c>, <c>sh</c>, <c>cmd</c>, <c>powershell</c>, <c>python</c>, or a template.</summary>
    public StepSpec Shell(string shell) => Set(() => _shell = shell);

    /// <summary>Where a <see cref="Run"/> step runs, relative to the repository root.</summary>
    public StepSpec WorkingDirectory(string path) => Set(() => _workingDirectory = path);

    /// <summary>The job goes on (and succeeds) when this step fails.</summary>
    public StepSpec ContinueOnError(bool continueOnError = true) => Set(() => _continueOnError = continueOnError);

    /// <summary>GitHub cancels the step after this long: its <c>timeout-minutes</c>, rounded up. Must be positive.</summary>
    public StepSpec Timeout(TimeSpan limit) => Set(() => _timeout = JobSpec.Checked(limit));

    /// <summary>
    /// The target that does this step's work in a local run (a registry login, say): <c>--plan</c> names it
    /// instead of showing the step as CI only. The target still runs only where the graph runs it.
    /// </summary>
    public StepSpec LocalEquivalent<TTarget>() where TTarget : Target => Set(() => _localEquivalent = typeof(TTarget));

    /// <summary>A key the typed API does not model, written after the typed ones (see the escape hatch in the package README).</summary>
    public StepSpec Raw(string key, object? value) => Set(() => _raw.Add(key, value));

    internal StepDeclaration ToDeclaration() => new(
        _name, _id, _if, _uses, _run, [.. _with], [.. _env], _shell, _workingDirectory, _continueOnError, _timeout, _raw.ToList())
    {
        IfCondition = _ifCondition,
        LocalEquivalent = _localEquivalent,
    };

    private StepSpec Set(Action apply)
    {
        apply();
        return this;
    }
}

/// <summary>A step value: text as given, a secret parameter's reference, or a typed expression.</summary>
internal sealed record StepValue(string? Text, Parameter<string>? Secret, Expression? Typed = null);

/// <summary>What one <see cref="StepSpec"/> declared.</summary>
internal sealed record StepDeclaration(
    string? Name,
    string? Id,
    string? If,
    string? Uses,
    string? Run,
    IReadOnlyList<KeyValuePair<string, StepValue>> With,
    IReadOnlyList<KeyValuePair<string, StepValue>> Env,
    string? Shell,
    string? WorkingDirectory,
    bool? ContinueOnError,
    TimeSpan? Timeout,
    IReadOnlyList<RawKey> Raw)
{
    /// <summary>A typed <c>if:</c>, written once the workflow knows its jobs (instead of <see cref="If"/>).</summary>
    public Condition? IfCondition { get; init; }

    /// <summary>The target that does the step's work locally, or null when it runs in CI only.</summary>
    public Type? LocalEquivalent { get; init; }
}
