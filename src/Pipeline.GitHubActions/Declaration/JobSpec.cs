namespace Pipeline.GitHubActions;

/// <summary>
/// The CI-only settings of one job: where it runs and what it may do. What it runs, what it
/// <c>needs</c> and when it runs come from its target, never from here. Like
/// <see cref="WorkflowSpec"/>, only a builder: it is copied as soon as the job's lambda returns.
/// </summary>
public sealed class JobSpec
{
    private readonly Type _targetType;
    private readonly List<TokenGrant> _permissions = [];
    private IReadOnlyList<string>? _runsOn;
    private int? _timeoutMinutes;
    private EnvironmentModel? _environment;
    private int? _fetchDepth;

    internal JobSpec(Type targetType) => _targetType = targetType;

    /// <summary>Runner labels; default <c>ubuntu-latest</c>. Self-hosted: <c>RunsOn("self-hosted", "linux", "x64")</c>.</summary>
    public JobSpec RunsOn(params string[] labels)
    {
        _runsOn = [.. labels];
        return this;
    }

    public JobSpec TimeoutMinutes(int minutes)
    {
        _timeoutMinutes = minutes;
        return this;
    }

    /// <summary>A deployment environment: its protection rules (required reviewers) gate the job.</summary>
    public JobSpec Environment(string name, string? url = null)
    {
        _environment = new EnvironmentModel(name, url);
        return this;
    }

    /// <summary>Token scopes this job needs beyond the workflow's (which it keeps).</summary>
    public JobSpec Permissions(params TokenGrant[] grants)
    {
        _permissions.AddRange(grants);
        return this;
    }

    /// <summary>Commits to fetch; 0 for the whole history (versioning from tags). Default 1.</summary>
    public JobSpec FetchDepth(int depth)
    {
        _fetchDepth = depth;
        return this;
    }

    internal JobDeclaration ToDeclaration() => new(
        _targetType,
        _runsOn,
        _timeoutMinutes,
        _environment,
        _permissions.Count == 0 ? null : [.. _permissions],
        _fetchDepth);
}
