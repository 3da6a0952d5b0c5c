using System.Text.RegularExpressions;

namespace Pipeline.GitHubActions;

/// <summary>
/// The compiled pipeline (<c>.nuke/temp/bin</c> and the bootstrap's stamp) cached between jobs, so a
/// job skips the ~20–30 s compile of <c>build/</c>. build.sh's stamp lists paths and modification
/// times, which a fresh checkout changes, so the key is the content of what build.sh watches — the
/// build project and the projects it references, the MSBuild files imported for them, global.json,
/// nuget.config and the bootstrap scripts — and a hit renews the stamp's time.
/// </summary>
internal static partial class CompiledPipelineCache
{
    public const string StepId = "compiled-pipeline";

    private const string Stamp = ".nuke/temp/build-inputs";

    private static readonly string[] ImportedNames = ["Directory.Build.props", "Directory.Build.targets", "Directory.Packages.props"];

    private static readonly string[] RootFiles = ["global.json", "nuget.config", "NuGet.Config", "NuGet.config", "build.sh", "build.ps1", "build.cmd"];

    /// <summary>Without the repository at hand (a workflow planned in a test): the default build folder and what surrounds it.</summary>
    public static IReadOnlyList<string> DefaultInputs { get; } = ["build/**", .. ImportedNames.SelectMany(n => new[] { "build/" + n, n }), .. RootFiles, "!**/bin/**", "!**/obj/**"];

    /// <summary>
    /// The <c>hashFiles</c> patterns of what build.sh watches, found as it finds them: project
    /// references read from the files, and for each project folder the nearest imported MSBuild files
    /// (every place looked at, so one added later changes the key). Folders outside the repository
    /// cannot be hashed by GitHub and are left out.
    /// </summary>
    public static IReadOnlyList<string> InputsOf(AbsolutePath root, string buildProjectDirectory)
    {
        ArgumentNullException.ThrowIfNull(root);
        var folder = Path.GetFullPath(Path.Combine(root, buildProjectDirectory));
        var project = Directory.Exists(folder) ? Directory.GetFiles(folder, "*.csproj").Order(StringComparer.Ordinal).FirstOrDefault() : null;
        if (project is null)
        {
            return DefaultInputs;
        }

        var folders = Projects(project).Select(p => Path.GetDirectoryName(p)!).Distinct(StringComparer.Ordinal).ToList();
        var imports = folders.SelectMany(f => ImportedNames.SelectMany(name => ImportCandidates(root, f, name)));
        return
        [
            .. folders.Select(f => Relative(root, f)).OfType<string>().Select(f => f.Length == 0 ? "**" : f + "/**"),
            .. imports.Distinct(StringComparer.Ordinal),
            .. RootFiles,
            "!**/bin/**",
            "!**/obj/**",
        ];
    }

    /// <summary>
    /// Restores or (after a successful job) saves the compiled pipeline; on a hit, the stamp is made
    /// newer than the checkout, which is what build.sh compares modification times against.
    /// </summary>
    public static IEnumerable<StepModel> Steps(IReadOnlyList<string> inputs, ActionReference cache)
    {
        var patterns = string.Join(", ", inputs.Select(p => $"'{p.Replace("'", "''", StringComparison.Ordinal)}'"));
        yield return StepModel.Action(
            "Cache the compiled pipeline",
            cache,
            new("path", ".nuke/temp/bin\n" + Stamp),
            new("key", $"${{{{ runner.os }}}}-compiled-pipeline-${{{{ hashFiles({patterns}) }}}}")) with
        { Id = StepId };
        yield return StepModel.Command("Trust the restored pipeline", "touch " + Stamp, []) with
        {
            If = $"steps.{StepId}.outputs.cache-hit == 'true'",
        };
    }

    /// <summary>The build project and every project it references, transitively, as build.sh reads them (conditions ignored).</summary>
    private static List<string> Projects(string buildProject)
    {
        var found = new List<string>();
        var queue = new Queue<string>([buildProject]);
        while (queue.TryDequeue(out var project))
        {
            if (found.Contains(project, StringComparer.Ordinal))
            {
                continue;
            }

            found.Add(project);
            var folder = Path.GetDirectoryName(project)!;
            foreach (Match match in ProjectReference().Matches(File.ReadAllText(project)))
            {
                foreach (var include in match.Groups[1].Value.Split(';', StringSplitOptions.RemoveEmptyEntries))
                {
                    var reference = include.Replace('\\', '/')
                        .Replace("$(MSBuildThisFileDirectory)", folder + "/", StringComparison.Ordinal)
                        .Replace("$(MSBuildProjectDirectory)", folder, StringComparison.Ordinal);
                    if (reference.Contains("$(", StringComparison.Ordinal))
                    {
                        continue;
                    }

                    var path = Path.GetFullPath(Path.Combine(folder, reference));
                    if (File.Exists(path))
                    {
                        queue.Enqueue(path);
                    }
                }
            }
        }

        return found;
    }

    /// <summary>From the folder up to the root: each place MSBuild looks, until a file that does not import its parent's.</summary>
    private static IEnumerable<string> ImportCandidates(AbsolutePath root, string folder, string name)
    {
        for (var directory = folder; Relative(root, directory) is { } relative; directory = Path.GetDirectoryName(directory)!)
        {
            var candidate = Path.Combine(directory, name);
            yield return relative.Length == 0 ? name : $"{relative}/{name}";
            if ((File.Exists(candidate) && !File.ReadAllText(candidate).Contains("GetPathOfFileAbove", StringComparison.Ordinal)) || relative.Length == 0)
            {
                yield break;
            }
        }
    }

    /// <summary>The path from the root with '/', "" for the root itself, or null outside it.</summary>
    private static string? Relative(AbsolutePath root, string path)
    {
        var relative = Path.GetRelativePath(root, path).Replace('\\', '/');
        return relative == "." ? "" : relative.StartsWith("..", StringComparison.Ordinal) || Path.IsPathRooted(relative) ? null : relative;
    }

    [GeneratedRegex("<ProjectReference[^>]*Include=\"([^\"]*)\"")]
    private static partial Regex ProjectReference();
}
