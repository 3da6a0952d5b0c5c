using System.Runtime.CompilerServices;

namespace Pipeline;

/// <summary>
/// The fluent declaration a target fills in from <see cref="Target.Configure"/>. It is only a
/// builder: the engine copies it into an immutable <see cref="TargetDefinition"/> right away.
/// </summary>
public sealed partial class TargetSpec
{
    private readonly List<Relation> _relations = [];
    private readonly List<TargetCondition> _conditions = [];
    private readonly List<IParameter> _requires = [];
    private readonly List<RequiredTool> _tools = [];
    private string? _description;
    private bool _unlisted;
    private bool _proceedAfterFailure;
    private bool _assuredAfterFailure;
    private TimeSpan? _timeout;
    private RetryPolicy? _retry;

    internal TargetSpec(Type targetType) => TargetType = targetType;

    internal Type TargetType { get; }

    /// <summary>One line shown in <c>--help</c>, the plan and generated files.</summary>
    public TargetSpec Description(string text) => Set(() => _description = text);

    /// <summary>Hidden from <c>--help</c> and launch profiles; still runnable by name.</summary>
    public TargetSpec Unlisted() => Set(() => _unlisted = true);

    /// <summary><typeparamref name="T"/> runs first, and this target is skipped if it fails.</summary>
    public TargetSpec DependsOn<T>() where T : Target => Relate<T>(RelationKind.DependsOn);

    /// <summary>The reverse of <see cref="DependsOn{T}"/>: <typeparamref name="T"/> depends on this target.</summary>
    public TargetSpec DependentFor<T>() where T : Target => Relate<T>(RelationKind.DependentFor);

    /// <summary>Running this target also runs <typeparamref name="T"/>, after it (and not if this one fails).</summary>
    public TargetSpec Triggers<T>() where T : Target => Relate<T>(RelationKind.Triggers);

    /// <summary>The reverse of <see cref="Triggers{T}"/>: running <typeparamref name="T"/> also runs this target.</summary>
    public TargetSpec TriggeredBy<T>() where T : Target => Relate<T>(RelationKind.TriggeredBy);

    /// <summary>Ordering only: when both are planned, this target starts after <typeparamref name="T"/> ends.</summary>
    public TargetSpec After<T>() where T : Target => Relate<T>(RelationKind.After);

    /// <summary>Ordering only: when both are planned, this target ends before <typeparamref name="T"/> starts.</summary>
    public TargetSpec Before<T>() where T : Target => Relate<T>(RelationKind.Before);

    /// <summary>
    /// A condition decided while planning, before anything runs: when false the target shows as
    /// skipped with the condition's source text as the reason.
    /// </summary>
    public TargetSpec OnlyWhenStatic(
        Func<bool> condition,
        [CallerArgumentExpression(nameof(condition))] string expression = "") =>
        Set(() => _conditions.Add(new TargetCondition(ConditionTiming.Static, condition, expression)));

    /// <summary>A condition decided just before the target would start, after what it follows has run.</summary>
    public TargetSpec OnlyWhenDynamic(
        Func<bool> condition,
        [CallerArgumentExpression(nameof(condition))] string expression = "") =>
        Set(() => _conditions.Add(new TargetCondition(ConditionTiming.Dynamic, condition, expression)));

    /// <summary>The run fails before any target starts when this parameter has no value.</summary>
    public TargetSpec Requires(IParameter parameter) => Set(() => _requires.Add(parameter));

    /// <summary>The run fails before any target starts, naming how to install it, when this tool is not on <c>PATH</c>.</summary>
    public TargetSpec Requires(RequiredTool tool)
    {
        ArgumentNullException.ThrowIfNull(tool);
        return Set(() => _tools.Add(tool));
    }

    /// <summary>When this target fails, its dependents still run (the run still ends as failed).</summary>
    public TargetSpec ProceedAfterFailure() => Set(() => _proceedAfterFailure = true);

    /// <summary>Runs even when something it follows failed: cleanup, reports, notifications.</summary>
    public TargetSpec AssuredAfterFailure() => Set(() => _assuredAfterFailure = true);

    /// <summary>The target fails, and its processes are killed, when it runs longer than this.</summary>
    public TargetSpec Timeout(TimeSpan limit)
    {
        ArgumentOutOfRangeException.ThrowIfLessThanOrEqual(limit, TimeSpan.Zero);
        return Set(() => _timeout = limit);
    }

    /// <summary>
    /// Retries a failed run up to <paramref name="attempts"/> times in all, waiting
    /// <paramref name="initialBackoff"/> (default 1 s) and doubling it after each failure.
    /// </summary>
    public TargetSpec Retry(int attempts, TimeSpan? initialBackoff = null)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(attempts, 1);
        return Set(() => _retry = new RetryPolicy(attempts, initialBackoff ?? TimeSpan.FromSeconds(1)));
    }

    internal TargetDefinition ToDefinition(string name, Func<TargetContext, Task> action) => WithDeclarations(new(
        name,
        TargetType,
        _description,
        _unlisted,
        [.. _relations],
        [.. _conditions],
        [.. _requires],
        _proceedAfterFailure,
        _assuredAfterFailure,
        _timeout,
        _retry ?? RetryPolicy.None,
        action)
    { Tools = [.. _tools.Distinct()] });

    private TargetSpec Relate<T>(RelationKind kind) where T : Target =>
        Set(() => _relations.Add(new Relation(kind, typeof(T))));

    private TargetSpec Set(Action apply)
    {
        apply();
        return this;
    }
}
