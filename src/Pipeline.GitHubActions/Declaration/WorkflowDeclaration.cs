namespace Pipeline.GitHubActions;

/// <summary>
/// Everything a <see cref="Workflow"/> declared, as immutable data: <see cref="WorkflowSpec"/> is
/// copied into this right after <c>Configure</c>, and the workflow planner reads only this (as the
/// engine reads <see cref="TargetDefinition"/>, never <see cref="TargetSpec"/>).
/// </summary>
/// <param name="Source">The workflow class.</param>
/// <param name="Name">The name GitHub shows.</param>
/// <param name="FileName">The file under <c>.github/workflows/</c>, without <c>.yml</c>.</param>
/// <param name="Dispatch">Whether it can be started by hand (<c>workflow_dispatch</c>), with <paramref name="DispatchInputs"/>.</param>
/// <param name="Permissions">Null when not declared: the workflow gets <c>contents: read</c>.</param>
/// <param name="RunsOn">Runner labels for jobs that choose none, or null.</param>
/// <param name="Timeout">The timeout of jobs that set none, or null.</param>
internal sealed record WorkflowDeclaration(
    Type Source,
    string Name,
    string FileName,
    PushTrigger? Push,
    PullRequestTrigger? PullRequest,
    IReadOnlyList<string> Schedules,
    bool Dispatch,
    IReadOnlyList<IParameter> DispatchInputs,
    CancelInProgress? Cancel,
    DeclaredText? ConcurrencyGroup,
    IReadOnlyList<PermissionGrant>? Permissions,
    IReadOnlyList<KeyValuePair<string, DeclaredText>> Env,
    IReadOnlyDictionary<string, ActionPin> Pins,
    IReadOnlyDictionary<IParameter, string> SecretNames,
    IReadOnlyList<string>? RunsOn,
    TimeSpan? Timeout,
    IReadOnlyList<JobDeclaration> Jobs)
{
    /// <summary>The other triggers, dispatch input choices, permission shorthands and raw keys.</summary>
    public WorkflowSurface Surface { get; init; } = WorkflowSurface.Empty;

    /// <summary>The <c>hashFiles</c> patterns of what the compiled pipeline is made of (see <see cref="CompiledPipelineCache"/>).</summary>
    public IReadOnlyList<string> PipelineInputs { get; init; } = CompiledPipelineCache.DefaultInputs;

    /// <summary>What <c>uses:</c> and <c>image:</c> resolve to (see <see cref="ActionLock"/>): the shipped defaults unless the repository's lock is read.</summary>
    public ActionLock Lock { get; init; } = ActionLock.Defaults;

    /// <summary>Relative to the repository root: <c>.github/workflows/{FileName}.yml</c>.</summary>
    public string Path => $"{WorkflowPlanner.WorkflowsDirectory}/{FileName}.yml";
}

/// <summary>What one <see cref="JobSpec"/> declared, as immutable data.</summary>
/// <param name="TargetType">The target the job is declared for.</param>
/// <param name="RunsOn">Runner labels, or null for the workflow's.</param>
/// <param name="Timeout">The job's timeout (positive), or null for the workflow's.</param>
/// <param name="Environment">The deployment environment that gates the job, or null.</param>
/// <param name="Permissions">The job's token permissions (replacing the workflow's), or null when it keeps the workflow's.</param>
/// <param name="FetchDepth">Commits the checkout fetches, or null for the action's default (1).</param>
internal sealed record JobDeclaration(
    Type TargetType,
    IReadOnlyList<string>? RunsOn,
    TimeSpan? Timeout,
    EnvironmentModel? Environment,
    IReadOnlyList<PermissionGrant>? Permissions,
    int? FetchDepth)
{
    /// <summary>Its CI-only steps, checkout and set-up choices, job settings and raw keys.</summary>
    public JobSurface Surface { get; init; } = JobSurface.Empty;

    /// <summary>A typed <c>runs-on</c> (instead of <see cref="RunsOn"/>), written once the workflow knows its inputs.</summary>
    public DeclaredText? RunsOnExpression { get; init; }

    /// <summary>A typed environment URL (instead of the text in <see cref="Environment"/>).</summary>
    public DeclaredText? EnvironmentUrl { get; init; }

    /// <summary>The reusable workflow the job calls instead of running steps, or null.</summary>
    public CallDeclaration? Call { get; init; }
}
