namespace Pipeline.GitHubActions;

/// <summary>The other triggers, dispatch inputs by choice, permission shorthands and raw keys.</summary>
public sealed partial class WorkflowSpec
{
    private readonly Dictionary<IParameter, DispatchInputChoice> _dispatchChoices = [];
    private readonly RawKeys _raw = new();
    private readonly List<KeyValuePair<string, RawKey?>> _rawTriggers = [];
    private WorkflowSurface _surface = WorkflowSurface.Empty;

    /// <summary>
    /// Runs on pull requests <em>in the context of the base repository</em>: with its secrets and a
    /// token that may write, even for a fork. The generated checkout takes the base branch; checking
    /// out the pull request's code would run untrusted code with those secrets, so generation warns.
    /// </summary>
    public WorkflowSpec OnPullRequestTarget(
        string[]? branches = null,
        string[]? paths = null,
        string[]? branchesIgnore = null,
        string[]? pathsIgnore = null,
        string[]? types = null) =>
        Surface(s => s with { PullRequestTarget = PullRequestTrigger.Of(branches, paths, branchesIgnore, pathsIgnore, types) });

    /// <summary>Runs when a pull request is added to a merge queue (<c>merge_group</c>; its only type is <c>checks_requested</c>).</summary>
    public WorkflowSpec OnMergeGroup(params string[] types) => Surface(s => s with { MergeGroup = new TypesTrigger([.. types]) });

    /// <summary>Runs when the workflows GitHub shows under these names run (<c>types</c>: completed, requested, in_progress).</summary>
    public WorkflowSpec OnWorkflowRun(string[] workflows, string[]? types = null, string[]? branches = null, string[]? branchesIgnore = null) =>
        Surface(s => s with { WorkflowRun = new WorkflowRunTrigger([.. workflows], [.. types ?? []], [.. branches ?? []], [.. branchesIgnore ?? []]) });

    /// <summary>Runs when <typeparamref name="TWorkflow"/> runs: renaming it renames the trigger too.</summary>
    public WorkflowSpec OnWorkflowRun<TWorkflow>(string[]? types = null, string[]? branches = null, string[]? branchesIgnore = null)
        where TWorkflow : Workflow, new() =>
        OnWorkflowRun([new TWorkflow().Declare().Name], types, branches, branchesIgnore);

    /// <summary>Runs on release activity (<c>published</c>, <c>created</c>, <c>released</c>…).</summary>
    public WorkflowSpec OnRelease(params string[] types) => Surface(s => s with { Release = new TypesTrigger([.. types]) });

    /// <summary>Runs when the repository_dispatch API is called with one of these event types (any, when none).</summary>
    public WorkflowSpec OnRepositoryDispatch(params string[] types) => Surface(s => s with { RepositoryDispatch = new TypesTrigger([.. types]) });

    /// <summary>
    /// A workflow_dispatch input from a parameter, with the id the run reads (<c>inputs.&lt;id&gt;</c>;
    /// default: the parameter in kebab-case) and its type (default: from the parameter's type —
    /// bool a boolean, enum a choice, number a number; <see cref="DispatchInputType.Environment"/>
    /// only when chosen, for a string parameter). Also makes the workflow startable by hand.
    /// </summary>
    public WorkflowSpec WorkflowDispatchInput(IParameter parameter, string? id = null, DispatchInputType? type = null)
    {
        ArgumentNullException.ThrowIfNull(parameter);
        OnWorkflowDispatch(parameter);
        _dispatchChoices[parameter] = new DispatchInputChoice(id, type);
        return this;
    }

    /// <summary>The <c>GITHUB_TOKEN</c> may read everything (<c>permissions: read-all</c>).</summary>
    public WorkflowSpec PermissionsReadAll() => AllPermissions(PermissionAccess.Read);

    /// <summary>The <c>GITHUB_TOKEN</c> may write everything (<c>permissions: write-all</c>).</summary>
    public WorkflowSpec PermissionsWriteAll() => AllPermissions(PermissionAccess.Write);

    /// <summary>A top-level key the typed API does not model (<c>run-name</c>, <c>defaults</c>…), written after the typed ones.</summary>
    public WorkflowSpec Raw(string key, object? value)
    {
        _raw.Add(key, value);
        return this;
    }

    /// <summary>
    /// A key under <c>on.&lt;trigger&gt;</c> the typed API does not model, written after the typed
    /// ones; with a trigger declared nowhere else (<c>workflow_call</c>, <c>issue_comment</c>) it adds
    /// that trigger. Without a key, only the trigger: <c>RawTrigger("check_suite")</c>.
    /// </summary>
    public WorkflowSpec RawTrigger(string trigger, string? key = null, object? value = null)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(trigger);
        _rawTriggers.Add(new(trigger, key is null ? null : new RawKey(key, value)));
        return this;
    }

    private WorkflowSpec AllPermissions(PermissionAccess access)
    {
        _permissions = null;
        return Surface(s => s with { AllPermissions = access });
    }

    private WorkflowSpec Surface(Func<WorkflowSurface, WorkflowSurface> change)
    {
        _surface = change(_surface);
        return this;
    }

    private WorkflowSurface SurfaceDeclaration() => _surface with
    {
        DispatchChoices = new Dictionary<IParameter, DispatchInputChoice>(_dispatchChoices),
        Raw = _raw.ToList(),
        RawTriggers = [.. _rawTriggers],
    };
}
