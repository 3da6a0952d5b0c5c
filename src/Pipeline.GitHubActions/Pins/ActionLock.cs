using System.Globalization;
using System.Text.RegularExpressions;

namespace Pipeline.GitHubActions;

/// <summary>
/// What a workflow's <c>uses:</c> and <c>image:</c> resolve to: per action, each tag locked to a
/// commit; per image (<c>name:tag</c>), its digest. The repository's <c>.nuke/actions.lock.json</c>
/// over the defaults the library ships for the actions its generated steps use.
/// </summary>
internal sealed partial record ActionLock(
    IReadOnlyDictionary<string, IReadOnlyDictionary<string, string>> Actions,
    IReadOnlyDictionary<string, string> Images)
{
    public const string RelativePath = ".nuke/actions.lock.json";

    /// <summary>The command that adds or refreshes entries, named wherever one is missing.</summary>
    public const string UpdateCommand = "./build.sh --update-actions";

    public static ActionLock Empty { get; } = new(
        new Dictionary<string, IReadOnlyDictionary<string, string>>(StringComparer.OrdinalIgnoreCase),
        new Dictionary<string, string>(StringComparer.Ordinal));

    /// <summary>The shipped defaults alone: what a workflow planned without a repository resolves against.</summary>
    public static ActionLock Defaults { get; } = ActionLockFile.ReadDefaults();

    /// <summary>
    /// <paramref name="repository"/> over this lock, action by action: an action the repository locks
    /// keeps only the repository's tags, so it can hold an older version than the defaults.
    /// </summary>
    public ActionLock Over(ActionLock repository)
    {
        ArgumentNullException.ThrowIfNull(repository);
        var actions = new Dictionary<string, IReadOnlyDictionary<string, string>>(Actions, StringComparer.OrdinalIgnoreCase);
        foreach (var (action, tags) in repository.Actions)
        {
            actions[action] = tags;
        }

        var images = new Dictionary<string, string>(Images, StringComparer.Ordinal);
        foreach (var (image, digest) in repository.Images)
        {
            images[image] = digest;
        }

        return new ActionLock(actions, images);
    }

    /// <summary>
    /// The commit of <paramref name="action"/> at <paramref name="tag"/>, or at its highest locked
    /// version when no tag is asked for. An action in a folder (<c>actions/cache/restore</c>) lives in
    /// its repository's commits, so it falls back to the repository's entry.
    /// </summary>
    public LockedAction? Resolve(string action, string? tag)
    {
        ArgumentNullException.ThrowIfNull(action);
        var tags = Actions.GetValueOrDefault(action) ?? Actions.GetValueOrDefault(RepositoryOf(action));
        if (tags is null || tags.Count == 0)
        {
            return null;
        }

        if (tag is not null)
        {
            return tags.TryGetValue(tag, out var sha) ? new LockedAction(sha, tag) : null;
        }

        var newest = tags.Keys.OrderByDescending(Version).ThenByDescending(t => t, StringComparer.Ordinal).First();
        return new LockedAction(tags[newest], newest);
    }

    /// <summary><c>name:tag@sha256:…</c> for a locked image; null when the lock has no digest for it.</summary>
    public string? Pinned(string image) =>
        Images.TryGetValue(image, out var digest) ? $"{image}@{digest}" : null;

    /// <summary>Whether an image reference carries a digest (<c>…@sha256:</c> and 64 hex digits).</summary>
    public static bool HasDigest(string image) => ImageDigest().IsMatch(image);

    public static bool IsDigest(string digest) => Digest().IsMatch(digest);

    public static string RepositoryOf(string action) => string.Join('/', action.Split('/').Take(2));

    /// <summary>A tag's version for ordering (<c>v4.2.10</c> after <c>v4.2.9</c>); tags without one sort first.</summary>
    private static (int, int, int) Version(string tag)
    {
        var match = VersionTag().Match(tag);
        return match.Success
            ? (Part(match.Groups[1]), Part(match.Groups[2]), Part(match.Groups[3]))
            : (-1, -1, -1);

        static int Part(Group group) =>
            group.Success && int.TryParse(group.Value, NumberStyles.None, CultureInfo.InvariantCulture, out var value) ? value : 0;
    }

    [GeneratedRegex("^sha256:[0-9a-f]{64}$")]
    private static partial Regex Digest();

    [GeneratedRegex("@sha256:[0-9a-f]{64}$")]
    private static partial Regex ImageDigest();

    [GeneratedRegex(@"^v?(\d+)(?:\.(\d+))?(?:\.(\d+))?$")]
    private static partial Regex VersionTag();
}

/// <param name="Sha">The full commit SHA.</param>
/// <param name="Tag">The tag it stands for, written beside it as a comment.</param>
internal sealed record LockedAction(string Sha, string Tag);
