namespace Pipeline;

/// <summary>
/// Parameters several components read. Declared once here, so a pipeline that pushes to GHCR,
/// comments on pull requests and records deployments has one <c>--github-token</c>, not three that clash.
/// </summary>
public static class CommonParameters
{
    /// <summary><c>GITHUB_TOKEN</c>: in GitHub Actions the job's token, with the permissions its job declares.</summary>
    public static readonly Parameter<string> GitHubToken =
        Parameter.Secret("Token for GitHub (in GitHub Actions: the job's GITHUB_TOKEN): GHCR pushes, pull-request comments, deployments");
}
