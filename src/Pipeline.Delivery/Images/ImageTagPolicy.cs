namespace Pipeline.Delivery;

/// <summary>
/// Which tags a build gives its images, as one typed line on the build target
/// (<c>protected override ImageTagPolicy TagPolicy => ImageTagPolicy.CommitHashOnly;</c>).
/// A policy that forbids <c>latest</c> makes a target that also asks for it a definition error, so
/// <c>--plan</c>, <c>--generate</c> and every run stop before anything is built.
/// </summary>
public sealed record ImageTagPolicy
{
    /// <summary>What <see cref="ImageTags.For"/> gives: full and short SHA, branch, release versions; <c>latest</c> when asked.</summary>
    public static ImageTagPolicy Default { get; } = new();

    /// <summary>
    /// Only the commit: the full SHA and its first 8 characters (<c>git rev-parse --short=8</c>), no branch or
    /// version, and never <c>latest</c> — what a GitOps repository pins a deployment to.
    /// </summary>
    public static ImageTagPolicy CommitHashOnly { get; } = new() { ShortShaLength = 8, BranchAndVersionTags = false, ForbidsLatest = true };

    /// <summary>How many characters of the SHA the short tag keeps.</summary>
    public int ShortShaLength { get; init; } = GitRevision.ShortShaLength;

    /// <summary>Whether the branch and, on a release tag, its versions become tags too.</summary>
    public bool BranchAndVersionTags { get; init; } = true;

    /// <summary>Whether <c>latest</c> is refused, wherever it would come from.</summary>
    public bool ForbidsLatest { get; init; }

    /// <summary>Fails the definition of <paramref name="target"/> when it asks for <c>latest</c> and this policy forbids it.</summary>
    /// <exception cref="DefinitionException">The target's TagLatest contradicts the policy.</exception>
    public void Check(string target, bool tagLatest)
    {
        if (tagLatest && ForbidsLatest)
        {
            throw new DefinitionException(
                $"{target} tags its images '{ImageTags.Latest}', but its tag policy forbids it (images are pinned by commit): drop TagLatest or change TagPolicy.");
        }
    }

    /// <summary>The tags of an image built from <paramref name="revision"/>.</summary>
    public IReadOnlyList<string> TagsFor(GitRevision revision, bool includeLatest = false)
    {
        ArgumentNullException.ThrowIfNull(revision);
        Check("The build", includeLatest);
        var sha = revision.Sha.ToLowerInvariant();
        var shortSha = sha[..Math.Min(ShortShaLength, sha.Length)];
        var defaultShortSha = revision.ShortSha.ToLowerInvariant();
        var tags = BranchAndVersionTags
            ? ImageTags.For(revision, includeLatest).Select(t => t == defaultShortSha ? shortSha : t)
            : includeLatest ? [sha, shortSha, ImageTags.Latest] : [sha, shortSha];
        return [.. tags.Distinct(StringComparer.Ordinal)];
    }
}
