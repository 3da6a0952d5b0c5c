using System.Reflection;
using Pipeline.Planning;
using Pipeline.Output;

namespace Pipeline.Generation;

/// <summary><c>--generate</c> writes every generated file; <c>--generate --check</c> diffs them and fails on drift.</summary>
internal static class GeneratedFiles
{
    /// <summary>What generators read for a pipeline whose build project is in <paramref name="buildProjectDirectory"/>.</summary>
    public static GenerationContext ContextFor(
        TargetGraph graph, IReadOnlyCollection<IParameter> parameters, AbsolutePath root, string buildProjectDirectory) =>
        new(graph, parameters, root, buildProjectDirectory, BuildAssemblyName(root / buildProjectDirectory));

    /// <summary>The engine's own files (parameter schema, launch profiles) and those of <paramref name="generators"/>.</summary>
    public static IReadOnlyList<GeneratedFile> Collect(GenerationContext context, IEnumerable<IGeneratedFileSource> generators)
    {
        IEnumerable<IGeneratedFileSource> sources = [new ParameterSchema(), new LaunchProfiles(), .. generators];
        var files = sources.SelectMany(s => s.Generate(context)).ToList();
        var clash = files.GroupBy(f => f.RelativePath).FirstOrDefault(g => g.Count() > 1);
        return clash is null ? files : throw new DefinitionException($"Two generators write {clash.Key}.");
    }

    // The one project in the build directory names the assembly, as build.sh decides; the entry
    // assembly is only a fallback, since a test host runs the pipeline in-process under its own name.
    private static string BuildAssemblyName(AbsolutePath buildProjectDirectory)
    {
        var projects = Directory.Exists(buildProjectDirectory) ? Directory.GetFiles(buildProjectDirectory, "*.csproj") : [];
        return projects.Length == 1
            ? Path.GetFileNameWithoutExtension(projects[0])
            : Assembly.GetEntryAssembly()?.GetName().Name ?? "Build";
    }

    public static int Apply(IReadOnlyList<GeneratedFile> files, AbsolutePath root, bool check, OutputConsole console)
    {
        var stale = files.Where(f => ReadOrNull(root / f.RelativePath) != f.Content).ToList();
        if (!check)
        {
            foreach (var file in stale)
            {
                var path = root / file.RelativePath;
                Directory.CreateDirectory(path.Parent!);
                File.WriteAllText(path, file.Content);
                console.WriteLine($"wrote {file.RelativePath}");
            }

            console.WriteLine($"{files.Count} generated files, {stale.Count} updated.");
            return ExitCodes.Success;
        }

        foreach (var file in stale)
        {
            console.WriteLines(UnifiedDiff.Create(ReadOrNull(root / file.RelativePath) ?? "", file.Content, file.RelativePath));
        }

        if (stale.Count == 0)
        {
            console.WriteLine($"{files.Count} generated files are up to date.");
            return ExitCodes.Success;
        }

        console.WriteErrorLine(
            $"error: {stale.Count} generated file{(stale.Count > 1 ? "s differ" : " differs")} from what the pipeline generates " +
            $"({string.Join(", ", stale.Select(f => f.RelativePath))}). Run ./build.sh --generate and commit the result.");
        return ExitCodes.TargetFailed;
    }

    private static string? ReadOrNull(AbsolutePath path) => File.Exists(path) ? File.ReadAllText(path).ReplaceLineEndings("\n") : null;
}
