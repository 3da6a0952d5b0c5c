using System.Text;

namespace Pipeline.Delivery;

/// <summary>
/// The tags an image gets from its commit: the full SHA, the short SHA, the branch (made a valid
/// tag), and on a release tag <c>v1.2.3</c> the versions <c>1.2.3</c>, <c>1.2</c> and <c>1</c>
/// (a prerelease <c>v1.2.3-rc.1</c> gets only its own version). <c>latest</c> only when asked for:
/// a moving tag that nothing should deploy by accident.
/// </summary>
public static class ImageTags
{
    public const string Latest = "latest";

    /// <summary>Docker's limit on a tag's length.</summary>
    public const int MaxLength = 128;

    public static IReadOnlyList<string> For(GitRevision revision, bool includeLatest = false)
    {
        ArgumentNullException.ThrowIfNull(revision);
        var tags = new List<string> { revision.Sha.ToLowerInvariant(), revision.ShortSha.ToLowerInvariant() };

        // A branch named "latest" must not slip the moving tag in by the back door.
        if (revision.Branch is not null && SanitizeBranch(revision.Branch) is { Length: > 0 } branch && branch != Latest)
        {
            tags.Add(branch);
        }

        if (revision.Version is { } version)
        {
            tags.Add(version.ToString());
            if (!version.IsPrerelease)
            {
                tags.Add($"{version.Major}.{version.Minor}");
                tags.Add($"{version.Major}");
            }
        }

        if (includeLatest)
        {
            tags.Add(Latest);
        }

        return [.. tags.Distinct(StringComparer.Ordinal)];
    }

    /// <summary>The tags for <paramref name="revision"/>, with <c>latest</c> where <paramref name="latest"/> says so.</summary>
    public static IReadOnlyList<string> For(GitRevision revision, LatestTag latest)
    {
        ArgumentNullException.ThrowIfNull(latest);
        return For(revision, latest.AppliesTo(revision));
    }

    /// <summary>
    /// A branch name as a tag: lower case, every character outside <c>[a-z0-9_.-]</c> becomes <c>-</c>
    /// (<c>feature/Login</c> → <c>feature-login</c>), no leading <c>.</c> or <c>-</c>, at most 128 characters.
    /// </summary>
    public static string SanitizeBranch(string branch)
    {
        var builder = new StringBuilder(branch.Length);
        foreach (var c in branch.ToLowerInvariant())
        {
            builder.Append(char.IsAsciiLetterOrDigit(c) || c is '_' or '.' or '-' ? c : '-');
        }

        var tag = builder.ToString().TrimStart('.', '-');
        return tag.Length > MaxLength ? tag[..MaxLength] : tag;
    }
}
