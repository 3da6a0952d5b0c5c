namespace Pipeline;

/// <summary>
/// Everything the engine knows about one target, as plain immutable data. Planning, scheduling
/// and generation read only this, never the target class.
/// </summary>
public sealed partial record TargetDefinition(
    string Name,
    Type TargetType,
    string? Description,
    bool Unlisted,
    IReadOnlyList<Relation> Relations,
    IReadOnlyList<TargetCondition> Conditions,
    IReadOnlyList<IParameter> Requires,
    bool ProceedAfterFailure,
    bool AssuredAfterFailure,
    TimeSpan? Timeout,
    RetryPolicy Retry,
    Func<TargetContext, Task> Action);

/// <summary>How one target relates to another, as declared (reverse forms are normalised by the graph).</summary>
public enum RelationKind
{
    DependsOn,
    DependentFor,
    Triggers,
    TriggeredBy,
    After,
    Before,
}

/// <summary>A relation to another target, by its class (the public API) or by name (generated targets).</summary>
public sealed record Relation
{
    // Only TargetSpec's typed verbs (DependsOn<T>() …) make one: a relation to a type that is not a target cannot exist.
    internal Relation(RelationKind kind, Type? otherType, string? otherName = null) => (Kind, OtherType, OtherName) = (kind, otherType, otherName);

    public RelationKind Kind { get; }

    public Type? OtherType { get; }

    public string? OtherName { get; }

    internal string Describe() => OtherType?.Name ?? OtherName ?? "?";
}

public enum ConditionTiming
{
    /// <summary>Decided while planning: the plan shows the target as skipped.</summary>
    Static,

    /// <summary>Decided just before the target would start.</summary>
    Dynamic,
}

public sealed record TargetCondition(ConditionTiming Timing, Func<bool> Predicate, string Expression);

public sealed record RetryPolicy(int Attempts, TimeSpan InitialBackoff)
{
    public static RetryPolicy None { get; } = new(1, TimeSpan.Zero);

    public TimeSpan BackoffBefore(int attempt) =>
        TimeSpan.FromTicks(InitialBackoff.Ticks * (1L << Math.Min(attempt - 2, 20)));
}
