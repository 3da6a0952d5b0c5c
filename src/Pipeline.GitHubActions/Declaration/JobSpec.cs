using System.Runtime.CompilerServices;

namespace Pipeline.GitHubActions;

/// <summary>
/// The CI-only settings of one job: where it runs and what it may do. What it runs, what it
/// <c>needs</c> and when it runs come from its target, never from here. Like
/// <see cref="WorkflowSpec"/>, only a builder: it is copied as soon as the job's lambda returns.
/// </summary>
public sealed partial class JobSpec
{
    private readonly Type _targetType;
    private List<PermissionGrant>? _permissions;
    private IReadOnlyList<string>? _runsOn;
    private TimeSpan? _timeout;
    private EnvironmentModel? _environment;
    private DeclaredText? _runsOnExpression;
    private DeclaredText? _environmentUrl;
    private int? _fetchDepth;

    internal JobSpec(Type targetType) => _targetType = targetType;

    /// <summary>Runner labels; default <c>ubuntu-latest</c>. Self-hosted: <c>RunsOn("self-hosted", "linux", "x64")</c>.</summary>
    public JobSpec RunsOn(params string[] labels)
    {
        (_runsOn, _runsOnExpression) = ([.. labels], null);
        return this;
    }

    /// <summary>The runner from a typed expression: <c>RunsOn(Contexts.Input(Runner))</c>, <c>RunsOn(Contexts.Vars("RUNNER").OrElse("ubuntu-24.04"))</c>.</summary>
    public JobSpec RunsOn(StringExpression label)
    {
        ArgumentNullException.ThrowIfNull(label);
        (_runsOn, _runsOnExpression) = (null, DeclaredText.Of(label));
        return this;
    }

    /// <summary>
    /// GitHub cancels the job when it runs longer than this: its <c>timeout-minutes</c>, in whole
    /// minutes rounded up. Default: the workflow's <see cref="WorkflowSpec.Timeout"/>, else GitHub's
    /// (360 minutes). Must be positive.
    /// </summary>
    public JobSpec Timeout(TimeSpan limit)
    {
        _timeout = Checked(limit);
        return this;
    }

    /// <summary>
    /// A deployment environment: its protection rules (required reviewers) gate the job. The URL may
    /// be an expression (<c>${{ steps.deploy.outputs.url }}</c>); <paramref name="deployment"/> false
    /// uses the environment's secrets and rules without creating a deployment.
    /// </summary>
    public JobSpec Environment(string name, string? url = null, bool deployment = true)
    {
        (_environment, _environmentUrl) = (new EnvironmentModel(name, url) { Deployment = deployment }, null);
        return this;
    }

    /// <summary>A deployment environment whose URL is a typed expression: <c>Environment("staging", Contexts.Output(DeployedUrl).AsString())</c>.</summary>
    public JobSpec Environment(string name, StringExpression url, bool deployment = true)
    {
        ArgumentNullException.ThrowIfNull(url);
        (_environment, _environmentUrl) = (new EnvironmentModel(name, null) { Deployment = deployment }, DeclaredText.Of(url));
        return this;
    }

    /// <summary>
    /// The <c>GITHUB_TOKEN</c>'s permissions in this job, <em>replacing</em> the workflow's, as GitHub
    /// reads a job's <c>permissions:</c>: a permission not listed here is <c>none</c> in this job,
    /// even when the workflow grants it. Every job checks out the repository, which in a private
    /// repository needs <c>contents: read</c>, so list it too:
    /// <c>.Permissions(Permission.Contents.Read, Permission.Packages.Write)</c>. No grant at all
    /// gives <c>permissions: {}</c>. A later call replaces an earlier one (the same rule as
    /// <see cref="WorkflowSpec.Permissions"/>); a permission listed twice keeps its last access.
    /// </summary>
    public JobSpec Permissions(params PermissionGrant[] grants)
    {
        _permissions = [.. grants];
        _surface = _surface with { AllPermissions = null };
        return this;
    }

    /// <summary>Commits to fetch; 0 for the whole history (versioning from tags). Default 1.</summary>
    public JobSpec FetchDepth(int depth)
    {
        _fetchDepth = depth;
        return this;
    }

    /// <summary>A job timeout must be positive, and a whole number of minutes GitHub can read once rounded up.</summary>
    internal static TimeSpan Checked(TimeSpan limit, [CallerArgumentExpression(nameof(limit))] string? name = null)
    {
        ArgumentOutOfRangeException.ThrowIfLessThanOrEqual(limit, TimeSpan.Zero, name);
        ArgumentOutOfRangeException.ThrowIfGreaterThan(limit, TimeSpan.FromMinutes(int.MaxValue), name);
        return limit;
    }

    internal JobDeclaration ToDeclaration() => new(
        _targetType,
        _runsOn,
        _timeout,
        _environment,
        _permissions is null ? null : [.. _permissions],
        _fetchDepth)
    {
        Surface = SurfaceDeclaration(),
        RunsOnExpression = _runsOnExpression,
        EnvironmentUrl = _environmentUrl,
    };
}
