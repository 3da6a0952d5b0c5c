namespace Pipeline.Components.Coverage;

/// <summary>
/// ReportGenerator as a local dotnet tool (<c>dotnet-reportgenerator-globaltool</c>, pinned in the
/// repository's <c>.config/dotnet-tools.json</c>): merges Cobertura files into one and renders HTML.
/// </summary>
public static class ReportGenerator
{
    private static readonly Tool DotNet = new("dotnet");

    /// <summary>Restores the tool, then writes <c>index.html</c> and the merged <c>Cobertura.xml</c> into <paramref name="targetDirectory"/>.</summary>
    /// <returns>The merged Cobertura file.</returns>
    public static async Task<AbsolutePath> MergeAsync(TargetContext context, IReadOnlyList<AbsolutePath> reports, AbsolutePath targetDirectory)
    {
        if (reports.Count == 0)
        {
            throw new InvalidOperationException("No coverage files to merge: no coverage source was declared, or none wrote a file.");
        }

        if (!File.Exists(context.RootDirectory / ".config" / "dotnet-tools.json"))
        {
            throw new InvalidOperationException(
                "ReportGenerator is not in the tool manifest: run `dotnet new tool-manifest` and " +
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
}
