namespace Pipeline.Components.Testing;

/// <summary>What suites' input globs share: where a suite's folder starts, and what is never an input.</summary>
internal static class InputGlobs
{
    /// <summary>Build output (and the packages a tool fetched) are results, not inputs.</summary>
    public static IReadOnlyList<string> Excluded { get; } = ["**/bin/**", "**/obj/**", "**/target/**", "**/node_modules/**"];

    /// <summary>A folder relative to the root as a glob prefix: "" for the root itself, else "dir/".</summary>
    public static string Under(string directory)
    {
        var folder = directory.Replace('\\', '/').TrimEnd('/');
        while (folder.StartsWith("./", StringComparison.Ordinal))
        {
            folder = folder[2..];
        }

        return folder is "" or "." ? "" : folder + "/";
    }
}
