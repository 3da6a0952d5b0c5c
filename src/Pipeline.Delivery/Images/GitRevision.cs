namespace Pipeline.Delivery;

/// <summary>
/// The commit an image is built from: what its tags and labels are computed from. In GitHub Actions
/// it comes from the runner's variables (<c>GITHUB_SHA</c>, <c>GITHUB_REF</c>, <c>GITHUB_HEAD_REF</c>),
/// on a laptop from <c>git</c> in the repository (see <see cref="GitRevisionReader"/>).
/// </summary>
/// <param name="Sha">The full 40-character commit id.</param>
/// <param name="Branch">The branch, or for a pull request its head branch; null on a tag or a detached HEAD.</param>
/// <param name="Tag">The tag the run is for (<c>v1.2.3</c>); null when none.</param>
/// <param name="SourceUrl">Where the source lives (<c>https://github.com/acme/shop</c>); null when unknown.</param>
public sealed record GitRevision(string Sha, string? Branch, string? Tag, string? SourceUrl)
{
    public const int ShortShaLength = 7;

    public string ShortSha => Sha[..Math.Min(ShortShaLength, Sha.Length)];

    /// <summary>The release version when the run is for a <c>v1.2.3</c> tag.</summary>
    public SemanticVersion? Version => Tag is null ? null : SemanticVersion.FromTag(Tag);

    /// <summary>
    /// The revision a GitHub run names: its commit, its branch (<c>refs/heads/B</c>; a pull request's head
    /// branch), its tag (<c>refs/tags/T</c>) and its repository's page. Null without a commit (not in Actions).
    /// </summary>
    public static GitRevision? From(GitHubRun run)
    {
        ArgumentNullException.ThrowIfNull(run);
        return run.Sha is { } sha ? new GitRevision(sha, run.Branch, run.Tag, run.RepositoryUrl?.ToString()) : null;
    }

    /// <summary><see cref="From(GitHubRun)"/> of the run these variables describe.</summary>
    public static GitRevision? FromGitHubVariables(IReadOnlyDictionary<string, string> variables) => From(GitHubRun.From(variables));
}
