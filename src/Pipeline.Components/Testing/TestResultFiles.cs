namespace Pipeline.Components.Testing;

/// <summary>Where suites write their result files: one folder under the root, declared once as an artifact.</summary>
internal static class TestResultFiles
{
    /// <summary>Relative to the repository root.</summary>
    public const string Directory = "artifacts/test-results";

    /// <summary>The test results of a run, uploaded by CI even when tests fail.</summary>
    public static Artifact Artifact { get; } = Artifact.Of("test-results", Directory) with { EvenOnFailure = true };

    /// <summary>A file or folder name for a suite: its name with anything but letters and digits as '-'.</summary>
    public static string FileNameOf(string suiteName) =>
        string.Concat(suiteName.Select(c => char.IsAsciiLetterOrDigit(c) ? c : '-')).Trim('-');

    /// <summary>The results folder for <paramref name="suiteName"/>, created empty: stale results from an earlier run would be counted again.</summary>
    internal static AbsolutePath FreshFolder(TargetContext context, string suiteName)
    {
        var folder = context.RootDirectory / Directory / FileNameOf(suiteName);
        if (System.IO.Directory.Exists(folder))
        {
            System.IO.Directory.Delete(folder, recursive: true);
        }

        System.IO.Directory.CreateDirectory(folder);
        return folder;
    }
}
