namespace Pipeline.Delivery;

/// <summary>
/// When an image also gets the moving tag <c>latest</c>: one line of a <see cref="BuildImagesTarget"/>,
/// <c>protected override LatestTag Latest => LatestTag.OnBranch("main");</c>. <see cref="Never"/> unless
/// a pipeline says otherwise, since whatever pulls <c>latest</c> gets whichever build came last.
/// </summary>
public sealed class LatestTag
{
    private readonly string? _branch;
    private readonly bool _always;

    private LatestTag(string? branch, bool always)
    {
        _branch = branch;
        _always = always;
    }

    /// <summary>No <c>latest</c> (the default).</summary>
    public static LatestTag Never { get; } = new(null, always: false);

    /// <summary><c>latest</c> on every build.</summary>
    public static LatestTag Always { get; } = new(null, always: true);

    /// <summary><c>latest</c> on builds of <paramref name="branch"/> only (not its pull requests' other branches, not release tags).</summary>
    public static LatestTag OnBranch(string branch)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(branch);
        return new LatestTag(branch, always: false);
    }

    /// <summary>Whether an image built from <paramref name="revision"/> gets <c>latest</c>.</summary>
    public bool AppliesTo(GitRevision revision)
    {
        ArgumentNullException.ThrowIfNull(revision);
        return _always || (_branch is not null && string.Equals(revision.Branch, _branch, StringComparison.Ordinal));
    }

    public override string ToString() => _always ? "latest always" : _branch is null ? "latest never" : $"latest on {_branch}";
}
