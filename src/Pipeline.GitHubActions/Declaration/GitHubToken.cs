namespace Pipeline.GitHubActions;

/// <summary>
/// The scopes of the <c>GITHUB_TOKEN</c> a workflow or job may be granted:
/// <c>job.Permissions(GitHubToken.Packages.Write)</c>. Workflows default to <c>contents: read</c>.
/// </summary>
public static class GitHubToken
{
    public static TokenScope Actions { get; } = new("actions");

    public static TokenScope Attestations { get; } = new("attestations");

    public static TokenScope Checks { get; } = new("checks");

    public static TokenScope Contents { get; } = new("contents");

    public static TokenScope Deployments { get; } = new("deployments");

    /// <summary>OpenID Connect: cloud logins without stored secrets.</summary>
    public static TokenScope IdToken { get; } = new("id-token");

    public static TokenScope Issues { get; } = new("issues");

    public static TokenScope Packages { get; } = new("packages");

    public static TokenScope Pages { get; } = new("pages");

    public static TokenScope PullRequests { get; } = new("pull-requests");

    public static TokenScope SecurityEvents { get; } = new("security-events");

    public static TokenScope Statuses { get; } = new("statuses");
}

/// <summary>One scope of the token; pick its access with <see cref="Read"/>, <see cref="Write"/> or <see cref="None"/>.</summary>
public sealed record TokenScope(string Key)
{
    public TokenGrant Read => new(this, TokenAccess.Read);

    public TokenGrant Write => new(this, TokenAccess.Write);

    public TokenGrant None => new(this, TokenAccess.None);

    public override string ToString() => Key;
}

public enum TokenAccess
{
    None,
    Read,
    Write,
}

/// <summary>A scope with its access, written as <c>packages: write</c>.</summary>
public sealed record TokenGrant(TokenScope Scope, TokenAccess Access)
{
    public override string ToString() => $"{Scope.Key}: {Access.ToString().ToLowerInvariant()}";
}
