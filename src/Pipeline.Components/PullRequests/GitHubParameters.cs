namespace Pipeline.Components.PullRequests;

/// <summary>Parameters for talking to GitHub from a run.</summary>
public static class GitHubParameters
{
    /// <summary>
    /// <c>GITHUB_TOKEN</c>: the token GitHub Actions gives each run (the job needs
    /// <c>pull-requests: write</c> to comment). Without it nothing is posted.
    /// </summary>
    public static readonly Parameter<string> GithubToken = CommonParameters.GithubToken;
}
