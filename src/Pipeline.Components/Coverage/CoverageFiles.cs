namespace Pipeline.Components.Coverage;

/// <summary>Where coverage goes: raw data per source, and the merged report (an artifact).</summary>
internal static class CoverageFiles
{
    /// <summary>The HTML report and the merged Cobertura file, relative to the repository root.</summary>
    public const string ReportDirectory = "artifacts/coverage";

    /// <summary>What each source collected, before merging.</summary>
    public const string DataDirectory = "artifacts/coverage-data";

    /// <summary>The coverage report of a run; uploaded also when coverage is below the threshold, when it is read most.</summary>
    public static Artifact Artifact { get; } = Artifact.Of("coverage", ReportDirectory) with { EvenOnFailure = true };

    /// <summary>An empty folder for one source's raw data (stale files would be merged again).</summary>
    internal static AbsolutePath FreshDataFolder(TargetContext context, string sourceName)
    {
        var folder = context.RootDirectory / DataDirectory / string.Concat(sourceName.Select(c => char.IsAsciiLetterOrDigit(c) ? c : '-')).Trim('-');
        if (Directory.Exists(folder))
        {
            Directory.Delete(folder, recursive: true);
        }

        Directory.CreateDirectory(folder);
        return folder;
    }
}
