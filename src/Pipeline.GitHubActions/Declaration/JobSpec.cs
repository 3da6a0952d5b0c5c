namespace Pipeline.GitHubActions;

/// <summary>
/// The CI-only settings of one job: where it runs and what it may do. What it runs, what it
/// <c>needs</c> and when it runs come from its target, never from here.
/// </summary>
public sealed class JobSpec
{
    internal JobSpec(Type target) => Target = target;

    internal Type Target { get; }

    internal IReadOnlyList<string>? RunsOnLabels { get; private set; }

    internal int? Timeout { get; private set; }

    internal string? EnvironmentName { get; private set; }

    internal string? EnvironmentUrl { get; private set; }

    internal List<TokenGrant> Grants { get; } = [];

    internal int? CheckoutFetchDepth { get; private set; }

    /// <summary>Runner labels; default <c>ubuntu-latest</c>. Self-hosted: <c>RunsOn("self-hosted", "linux", "x64")</c>.</summary>
    public JobSpec RunsOn(params string[] labels)
    {
        RunsOnLabels = labels;
        return this;
    }

    public JobSpec TimeoutMinutes(int minutes)
    {
        Timeout = minutes;
        return this;
    }

    /// <summary>A deployment environment: its protection rules (required reviewers) gate the job.</summary>
    public JobSpec Environment(string name, string? url = null)
    {
        EnvironmentName = name;
        EnvironmentUrl = url;
        return this;
    }

    /// <summary>Token scopes this job needs beyond the workflow's (which it keeps).</summary>
    public JobSpec Permissions(params TokenGrant[] grants)
    {
        Grants.AddRange(grants);
        return this;
    }

    /// <summary>Commits to fetch; 0 for the whole history (versioning from tags). Default 1.</summary>
    public JobSpec FetchDepth(int depth)
    {
        CheckoutFetchDepth = depth;
        return this;
    }
}
