namespace Pipeline.Planning;

/// <summary>What the person asked for: targets by name, and what to leave out.</summary>
internal sealed record PlanRequest(IReadOnlyList<string> Targets, SkipRequest Skip)
{
    /// <summary>What typed conditions are evaluated against: the event and ref of this run.</summary>
    public ConditionFacts Facts { get; init; } = ConditionFacts.Local;

    public static PlanRequest For(params string[] targets) => new(targets, SkipRequest.None);
}

/// <summary><c>--skip</c>: absent, bare (run only the named targets) or with names (leave those out).</summary>
internal sealed record SkipRequest(bool OnlyRequested, IReadOnlyList<string> Names)
{
    public static SkipRequest None { get; } = new(false, []);

    public static SkipRequest AllButRequested { get; } = new(true, []);

    public static SkipRequest Targets(params string[] names) => new(false, names);
}
