namespace Pipeline.Planning;

/// <summary>
/// What a run will do: every target involved, in an order that respects every relation, each with
/// its wave (targets of one wave can run side by side) or the reason it is skipped. Plain data.
/// </summary>
public sealed record Plan(IReadOnlyList<string> Requested, IReadOnlyList<PlannedTarget> Targets)
{
    /// <summary>The facts the typed conditions were planned with; status conditions are decided with them later.</summary>
    public ConditionFacts Facts { get; init; } = ConditionFacts.Local;

    public PlannedTarget this[string name] => Targets.First(t => t.Name == name);

    public IEnumerable<PlannedTarget> ToRun => Targets.Where(t => t.SkipReason is null);

    /// <summary>Targets grouped by wave: each group can run side by side once the previous ones are done.</summary>
    public IEnumerable<IReadOnlyList<PlannedTarget>> Waves =>
        Targets.GroupBy(t => t.Wave).OrderBy(g => g.Key).Select(g => (IReadOnlyList<PlannedTarget>)[.. g]);
}

/// <param name="Follows">Planned targets that must finish before this one starts.</param>
/// <param name="BlockedBy">Of those, the ones whose failure skips this target (dependencies, triggerers).</param>
/// <param name="SkipReason">Why it will not run (a static condition, <c>--skip</c>), or null.</param>
public sealed record PlannedTarget(
    TargetDefinition Definition,
    int Wave,
    IReadOnlyList<string> Follows,
    IReadOnlyList<string> BlockedBy,
    string? SkipReason)
{
    public string Name => Definition.Name;
}
