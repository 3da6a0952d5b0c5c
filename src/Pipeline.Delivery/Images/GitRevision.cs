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
    /// Reads the runner's variables: <c>GITHUB_REF</c> <c>refs/heads/B</c> is branch B, <c>refs/tags/T</c>
    /// is tag T, and a pull request (<c>refs/pull/N/merge</c>) takes its branch from <c>GITHUB_HEAD_REF</c>.
    /// Null when <c>GITHUB_SHA</c> is not set (not in Actions).
    /// </summary>
    public static GitRevision? FromGitHubVariables(IReadOnlyDictionary<string, string> variables)
    {
        if (variables.GetValueOrDefault("GITHUB_SHA") is not { Length: > 0 } sha)
        {
            return null;
        }

        var gitRef = variables.GetValueOrDefault("GITHUB_REF") ?? "";
        var branch = gitRef.StartsWith("refs/heads/", StringComparison.Ordinal) ? gitRef["refs/heads/".Length..] : null;
        var tag = gitRef.StartsWith("refs/tags/", StringComparison.Ordinal) ? gitRef["refs/tags/".Length..] : null;
        if (gitRef.StartsWith("refs/pull/", StringComparison.Ordinal) && variables.GetValueOrDefault("GITHUB_HEAD_REF") is { Length: > 0 } head)
        {
            branch = head;
        }

        var source = variables.GetValueOrDefault("GITHUB_REPOSITORY") is { Length: > 0 } repository
            ? (variables.GetValueOrDefault("GITHUB_SERVER_URL") is { Length: > 0 } server ? server.TrimEnd('/') : "https://github.com") + "/" + repository
            : null;
        return new GitRevision(sha, branch, tag, source);
    }
}
