namespace Pipeline.GitHubActions;

/// <summary>
/// One generated workflow as plain data: what the YAML will say, decided and validated. Tests
/// assert on this; the renderer only writes it down.
/// </summary>
/// <param name="Source">The workflow class, named in the generated file's header.</param>
/// <param name="Path">Relative to the repository root: <c>.github/workflows/pull-request.yml</c>.</param>
/// <param name="Permissions">The workflow-level token permissions; empty renders <c>permissions: {}</c>.</param>
internal sealed record WorkflowModel(
    Type Source,
    string Path,
    string Name,
    WorkflowTriggers On,
    ConcurrencyModel? Concurrency,
    IReadOnlyList<PermissionGrant> Permissions,
    IReadOnlyList<KeyValuePair<string, string>> Env,
    IReadOnlyList<JobModel> Jobs)
{
    /// <summary><c>read-all</c> or <c>write-all</c> instead of <see cref="Permissions"/>; null otherwise.</summary>
    public PermissionAccess? AllPermissions { get; init; }

    /// <summary>Top-level keys the typed API does not model, written after the typed ones.</summary>
    public IReadOnlyList<RawKey> Raw { get; init; } = [];

    /// <summary>What generation warns about (written as comments at the top of the file).</summary>
    public IReadOnlyList<string> Warnings { get; init; } = [];

    /// <summary>What the reader should know about the file, such as why it has no cache (comments after the warnings).</summary>
    public IReadOnlyList<string> Notes { get; init; } = [];

    public JobModel this[string jobId] =>
        Jobs.FirstOrDefault(j => j.Id == jobId) ?? throw new KeyNotFoundException($"No job '{jobId}' in {Path}; jobs: {string.Join(", ", Jobs.Select(j => j.Id))}.");
}

internal sealed record WorkflowTriggers(
    PushTrigger? Push,
    PullRequestTrigger? PullRequest,
    IReadOnlyList<string> Schedules,
    WorkflowDispatchModel? Dispatch)
{
    /// <summary>pull_request_target, merge_group, workflow_run, release, repository_dispatch and raw triggers.</summary>
    public WorkflowSurface Others { get; init; } = WorkflowSurface.Empty;

    /// <summary><c>workflow_call</c>, or null when the workflow cannot be called.</summary>
    public WorkflowCallModel? Call { get; init; }
}

internal sealed record WorkflowDispatchModel(IReadOnlyList<DispatchInput> Inputs);

/// <summary>The input's type in GitHub's form: <c>string</c>, <c>boolean</c>, <c>choice</c>, <c>number</c>, <c>environment</c>.</summary>
public enum DispatchInputType
{
    Text,
    Boolean,
    Choice,
    Number,

    /// <summary>One of the repository's deployment environments, picked from a list.</summary>
    Environment,
}

/// <param name="Id">The input's id (<c>inputs.configuration</c>): the parameter name in kebab-case, like its option.</param>
/// <param name="Default">The default as GitHub reads it ("true" for a boolean), or null.</param>
public sealed record DispatchInput(
    string Id,
    IParameter Parameter,
    string Description,
    DispatchInputType Type,
    bool Required,
    string? Default,
    IReadOnlyList<string> Options);

/// <param name="CancelInProgress">A literal <c>true</c>, or an expression such as <c>${{ github.event_name == 'pull_request' }}</c>.</param>
internal sealed record ConcurrencyModel(string Group, string? CancelInProgress);
