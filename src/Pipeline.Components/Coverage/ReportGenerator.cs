namespace Pipeline.Components.Coverage;

/// <summary>
/// ReportGenerator as a local dotnet tool (<c>dotnet-reportgenerator-globaltool</c>, pinned in the
/// repository's <c>.config/dotnet-tools.json</c>, found as <c>dotnet tool</c> finds it): merges Cobertura files into one and renders HTML.
/// </summary>
internal static class ReportGenerator
{
    private static readonly Tool DotNet = new("dotnet");

    /// <summary>Restores the tool, then writes <c>index.html</c> and the merged <c>Cobertura.xml</c> into <paramref name="targetDirectory"/>.</summary>
    /// <returns>The merged Cobertura file.</returns>
    public static async Task<AbsolutePath> MergeAsync(TargetContext context, IReadOnlyList<AbsolutePath> reports, AbsolutePath targetDirectory)
    {
        if (reports.Count == 0)
        {
            throw new TargetFailedException("No coverage files to merge: no coverage source was declared, or none wrote a file.");
        }

        if (FindManifest(context.RootDirectory) is null)
        {
            throw new TargetFailedException(
                "No tool manifest pins ReportGenerator: run `dotnet new tool-manifest` and " +
                "`dotnet tool install dotnet-reportgenerator-globaltool` at the repository root.");
        }

        if (Directory.Exists(targetDirectory))
        {
            Directory.Delete(targetDirectory, recursive: true); // pages of classes that are gone would linger
        }

        await context.RunAsync(DotNet.Command("tool", "restore").WithWorkingDirectory(context.RootDirectory));
        await context.RunAsync(DotNet.Command(
                "tool", "run", "reportgenerator",
                $"-reports:{string.Join(';', reports.Select(r => r.Value))}",
                $"-targetdir:{targetDirectory}",
                "-reporttypes:Html;Cobertura",
                "-verbosity:Warning")
            .WithWorkingDirectory(context.RootDirectory));
        return targetDirectory / "Cobertura.xml";
    }

    /// <summary>
    /// The <c>.config/dotnet-tools.json</c> that <c>dotnet tool</c> would use: in the root or a folder
    /// above it (a sample inside a repository shares the repository's manifest).
    /// </summary>
    internal static AbsolutePath? FindManifest(AbsolutePath root)
    {
        for (var directory = root; directory is not null; directory = directory.Parent)
        {
            var manifest = directory / ".config" / "dotnet-tools.json";
            if (File.Exists(manifest))
            {
                return manifest;
            }
        }

        return null;
    }
}
