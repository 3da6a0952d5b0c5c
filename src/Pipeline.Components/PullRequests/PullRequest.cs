namespace Pipeline.Components.PullRequests;

/// <summary>The pull request a GitHub Actions run is for, and the API that serves its repository.</summary>
public sealed record PullRequest(string Owner, string Repository, int Number, Uri ApiUrl)
{
    /// <summary>
    /// The pull request of <paramref name="run"/> (<see cref="TargetContext.GitHub"/>): its repository, the
    /// number from the event's payload or its <c>refs/pull/N/merge</c> ref, and its API. Null when the run
    /// is not under GitHub Actions or not for a pull request.
    /// </summary>
    public static PullRequest? Detect(GitHubRun run)
    {
        ArgumentNullException.ThrowIfNull(run);
        return run is { IsActions: true, RepositoryOwner: { } owner, RepositoryName: { } repository, PullRequestNumber: { } number }
            ? new PullRequest(owner, repository, number, run.ApiUrl)
            : null;
    }

    public override string ToString() => $"{Owner}/{Repository}#{Number}";
}
