namespace Pipeline.GitHubActions;

/// <summary>What a <see cref="WorkflowSpec"/> declared beyond push, pull_request, schedule and dispatch, as immutable data.</summary>
internal sealed record WorkflowSurface
{
    public static WorkflowSurface Empty { get; } = new();

    public PullRequestTrigger? PullRequestTarget { get; init; }

    public TypesTrigger? MergeGroup { get; init; }

    public WorkflowRunTrigger? WorkflowRun { get; init; }

    public TypesTrigger? Release { get; init; }

    public TypesTrigger? RepositoryDispatch { get; init; }

    /// <summary>The id and type chosen for a workflow_dispatch input, by parameter.</summary>
    public IReadOnlyDictionary<IParameter, DispatchInputChoice> DispatchChoices { get; init; } = new Dictionary<IParameter, DispatchInputChoice>();

    /// <summary><c>read-all</c> or <c>write-all</c>; null when not declared.</summary>
    public PermissionAccess? AllPermissions { get; init; }

    public IReadOnlyList<RawKey> Raw { get; init; } = [];

    /// <summary>Raw keys under <c>on.&lt;event&gt;</c>, by event: an event not typed here becomes a trigger of its own.</summary>
    public IReadOnlyList<KeyValuePair<string, RawKey?>> RawTriggers { get; init; } = [];

    /// <summary><c>on.workflow_call</c>: the workflow is reusable; null when it is not.</summary>
    public WorkflowCallTrigger? Call { get; init; }

    /// <summary>Calls of reusable workflows declared by id (table rows), after the target jobs.</summary>
    public IReadOnlyList<RowCall> Calls { get; init; } = [];

    public AggregatorDeclaration? Aggregator { get; init; }

    public bool HasTrigger => PullRequestTarget is not null || MergeGroup is not null || WorkflowRun is not null ||
        Release is not null || RepositoryDispatch is not null || RawTriggers.Count > 0 || Call is not null;
}

/// <summary>A trigger whose only filter is its activity types (empty: GitHub's default).</summary>
internal sealed record TypesTrigger(IReadOnlyList<string> Types);

/// <summary>Runs after other workflows (by the name GitHub shows) ran.</summary>
internal sealed record WorkflowRunTrigger(
    IReadOnlyList<string> Workflows,
    IReadOnlyList<string> Types,
    IReadOnlyList<string> Branches,
    IReadOnlyList<string> BranchesIgnore);

/// <summary>A workflow_dispatch input's id and type as chosen; null keeps what the parameter gives.</summary>
internal sealed record DispatchInputChoice(string? Id, DispatchInputType? Type);
