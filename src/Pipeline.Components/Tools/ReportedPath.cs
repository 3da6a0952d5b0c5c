namespace Pipeline.Components.Tools;

/// <summary>
/// Turns a path a tool printed (absolute, or relative to the directory it ran in, maybe with a
/// leading <c>./</c>) into one relative to the repository root with forward slashes: the form
/// people read in logs and GitHub needs for annotations.
/// </summary>
internal static class ReportedPath
{
    public static string RelativeToRoot(string reported, AbsolutePath workingDirectory, AbsolutePath root)
    {
        var full = AbsolutePath.Resolve(reported.Trim(), workingDirectory);
        return full.RelativeTo(root).Replace('\\', '/');
    }

    /// <summary>A directory the user named relative to the root (or ".").</summary>
    public static AbsolutePath Directory(string relativeDirectory, AbsolutePath root) => AbsolutePath.Resolve(relativeDirectory, root);
}
