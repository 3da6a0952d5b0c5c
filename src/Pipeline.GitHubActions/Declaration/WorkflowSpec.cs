using System.Collections.Frozen;
using System.Text.RegularExpressions;

namespace Pipeline.GitHubActions;

/// <summary>
/// The fluent declaration a <see cref="Workflow"/> fills in: triggers, concurrency, permissions,
/// env variables, action pins, and one job per target that should be a job of its own. It is only a
/// builder: it is copied into an immutable declaration right after <c>Configure</c>, and only that
/// copy is planned.
/// </summary>
public sealed partial class WorkflowSpec
{
    private readonly Type _source;
    private readonly List<JobDeclaration> _jobs = [];
    private readonly List<string> _schedules = [];
    private readonly List<IParameter> _dispatchInputs = [];
    private readonly List<KeyValuePair<string, DeclaredText>> _env = [];
    private readonly Dictionary<string, ActionPin> _pins = new(StringComparer.OrdinalIgnoreCase);
    private readonly Dictionary<IParameter, string> _secretNames = [];
    private string _name;
    private string _fileName;
    private PushTrigger? _push;
    private PullRequestTrigger? _pullRequest;
    private bool _dispatch;
    private CancelInProgress? _cancel;
    private DeclaredText? _concurrencyGroup;
    private List<PermissionGrant>? _permissions;
    private IReadOnlyList<string>? _runsOn;
    private TimeSpan? _timeout;

    internal WorkflowSpec(Type source)
    {
        _source = source;
        _name = Words(source.Name);
        _fileName = ParameterNames.ToKebabCase(source.Name);
    }

    /// <summary>The name GitHub shows; default: the class name in words.</summary>
    public WorkflowSpec Name(string name) => Set(() => _name = name);

    /// <summary>The file under <c>.github/workflows/</c>, without <c>.yml</c>; default: the class name in kebab-case.</summary>
    public WorkflowSpec FileName(string name) => Set(() => _fileName = name);

    /// <summary>
    /// Runs on pushes to these branches or tags (glob patterns), optionally only when these paths
    /// change; or on pushes to any but the <c>…Ignore</c> ones (GitHub takes a filter or its ignore
    /// form, not both).
    /// </summary>
    public WorkflowSpec OnPush(
        string[]? branches = null,
        string[]? tags = null,
        string[]? paths = null,
        string[]? branchesIgnore = null,
        string[]? tagsIgnore = null,
        string[]? pathsIgnore = null) =>
        Set(() => _push = new PushTrigger([.. branches ?? []], [.. tags ?? []], [.. paths ?? []])
        {
            BranchesIgnore = [.. branchesIgnore ?? []],
            TagsIgnore = [.. tagsIgnore ?? []],
            PathsIgnore = [.. pathsIgnore ?? []],
        });

    /// <summary>
    /// Runs on pull requests into these branches, optionally only when these paths change, for these
    /// activity types (<c>opened</c>, <c>synchronize</c>, <c>labeled</c>…; default: GitHub's opened,
    /// synchronize, reopened).
    /// </summary>
    public WorkflowSpec OnPullRequest(
        string[]? branches = null,
        string[]? paths = null,
        string[]? branchesIgnore = null,
        string[]? pathsIgnore = null,
        string[]? types = null) =>
        Set(() => _pullRequest = PullRequestTrigger.Of(branches, paths, branchesIgnore, pathsIgnore, types));

    /// <summary>Runs on a schedule: five cron fields, in UTC (<c>"0 3 * * *"</c> is 03:00 every day).</summary>
    public WorkflowSpec OnSchedule(string cron) => Set(() => _schedules.Add(cron));

    /// <summary>Can be started by hand; each parameter becomes a typed input (enums a choice, bools a checkbox).</summary>
    public WorkflowSpec OnWorkflowDispatch(params IParameter[] inputs) => Set(() =>
    {
        _dispatch = true;
        _dispatchInputs.AddRange(inputs.Where(p => !_dispatchInputs.Contains(p)));
    });

    /// <summary>One run per group at a time (default group: workflow and ref); older runs are canceled as chosen.</summary>
    public WorkflowSpec Concurrency(CancelInProgress cancel = CancelInProgress.ForPullRequests, string? group = null) => Set(() =>
    {
        _cancel = cancel;
        _concurrencyGroup = group is null ? null : DeclaredText.Of(group);
    });

    /// <summary>One run per group at a time, the group typed: <c>Concurrency(CancelInProgress.Always, Contexts.GitHub.Workflow + "-" + Contexts.GitHub.HeadRef.OrElse(Contexts.GitHub.RunId))</c>.</summary>
    public WorkflowSpec Concurrency(CancelInProgress cancel, StringExpression group)
    {
        ArgumentNullException.ThrowIfNull(group);
        return Set(() =>
        {
            _cancel = cancel;
            _concurrencyGroup = DeclaredText.Of(group);
        });
    }

    /// <summary>
    /// The <c>GITHUB_TOKEN</c>'s permissions for the whole workflow, <em>replacing</em> the default
    /// <c>contents: read</c>, as GitHub reads <c>permissions:</c>: a permission not listed is
    /// <c>none</c>. No grant at all gives <c>permissions: {}</c>. A job that declares its own
    /// (<see cref="JobSpec.Permissions"/>) gets exactly those instead, by the same rule. A later call
    /// replaces an earlier one; a permission listed twice keeps its last access.
    /// </summary>
    public WorkflowSpec Permissions(params PermissionGrant[] grants) => Set(() =>
    {
        _permissions = [.. grants];
        _surface = _surface with { AllPermissions = null };
    });

    /// <summary>A variable every step sees. Literal values only: secrets reach jobs through the parameters their targets use.</summary>
    public WorkflowSpec Env(string name, string value) => Set(() => _env.Add(new(name, DeclaredText.Of(value))));

    /// <summary>A variable every step sees, from a typed expression: <c>Env("CHANNEL", Contexts.Input(Channel).OrElse("stable"))</c>.</summary>
    public WorkflowSpec Env(string name, Expression value)
    {
        ArgumentNullException.ThrowIfNull(value);
        return Set(() => _env.Add(new(name, DeclaredText.Of(value))));
    }

    /// <summary>Runner labels for jobs that do not choose their own.</summary>
    public WorkflowSpec RunsOn(params string[] labels) => Set(() => _runsOn = [.. labels]);

    /// <summary>
    /// The timeout of every job that sets none (<see cref="JobSpec.Timeout"/>): GitHub cancels a job
    /// that runs longer. Written as <c>timeout-minutes</c>, in whole minutes rounded up. Must be positive.
    /// </summary>
    public WorkflowSpec Timeout(TimeSpan limit) => Set(() => _timeout = JobSpec.Checked(limit));

    /// <summary>
    /// References an action by full commit SHA (<c>actions/checkout@&lt;sha&gt; # v4.2.2</c>): a tag can be moved, a SHA cannot.
    /// Actions without a pin are referenced by major version tag.
    /// </summary>
    public WorkflowSpec Pin(string action, string commitSha, string tag) => Set(() => _pins[action] = new ActionPin(action, commitSha, tag));

    /// <summary>Reads a secret parameter from a repository secret of another name than its environment name.</summary>
    public WorkflowSpec Secret(IParameter parameter, string secretName) => Set(() => _secretNames[parameter] = secretName);

    /// <summary>A job that runs <typeparamref name="TTarget"/> and the dependencies no other job runs before it.</summary>
    public WorkflowSpec Job<TTarget>(Action<JobSpec>? configure = null) where TTarget : Target
    {
        var job = new JobSpec(typeof(TTarget));
        configure?.Invoke(job);
        _jobs.Add(job.ToDeclaration());
        return this;
    }

    /// <summary>A copy of what was declared, which later calls on this builder do not change.</summary>
    internal WorkflowDeclaration ToDeclaration() => new(
        _source,
        _name,
        _fileName,
        _push,
        _pullRequest,
        [.. _schedules],
        _dispatch,
        [.. _dispatchInputs],
        _cancel,
        _concurrencyGroup,
        _permissions is null ? null : [.. _permissions],
        [.. _env],
        _pins.ToFrozenDictionary(StringComparer.OrdinalIgnoreCase),
        _secretNames.ToFrozenDictionary(),
        _runsOn,
        _timeout,
        [.. _jobs])
    {
        Surface = SurfaceDeclaration(),
    };

    private static string Words(string name) => WordStart().Replace(name, " $1");

    private WorkflowSpec Set(Action apply)
    {
        apply();
        return this;
    }

    [GeneratedRegex("(?<=[a-z0-9])([A-Z])")]
    private static partial Regex WordStart();
}

/// <summary>Whether a new run cancels the one in progress in its concurrency group.</summary>
public enum CancelInProgress
{
    Never,

    /// <summary>A new push to a pull request cancels its older run; runs on branches finish.</summary>
    ForPullRequests,

    Always,
}

internal sealed record PushTrigger(IReadOnlyList<string> Branches, IReadOnlyList<string> Tags, IReadOnlyList<string> Paths)
{
    public IReadOnlyList<string> BranchesIgnore { get; init; } = [];

    public IReadOnlyList<string> TagsIgnore { get; init; } = [];

    public IReadOnlyList<string> PathsIgnore { get; init; } = [];
}

/// <summary>A <c>pull_request</c> or <c>pull_request_target</c> trigger.</summary>
internal sealed record PullRequestTrigger(IReadOnlyList<string> Branches, IReadOnlyList<string> Paths)
{
    public IReadOnlyList<string> BranchesIgnore { get; init; } = [];

    public IReadOnlyList<string> PathsIgnore { get; init; } = [];

    /// <summary>Activity types; empty for GitHub's default.</summary>
    public IReadOnlyList<string> Types { get; init; } = [];

    public static PullRequestTrigger Of(string[]? branches, string[]? paths, string[]? branchesIgnore, string[]? pathsIgnore, string[]? types) =>
        new([.. branches ?? []], [.. paths ?? []])
        {
            BranchesIgnore = [.. branchesIgnore ?? []],
            PathsIgnore = [.. pathsIgnore ?? []],
            Types = [.. types ?? []],
        };
}

/// <summary>An action referenced by commit: <c>uses: {Action}@{CommitSha} # {Tag}</c>.</summary>
internal sealed record ActionPin(string Action, string CommitSha, string Tag);
