using System.Text.RegularExpressions;
using System.Xml;
using System.Xml.Linq;

namespace Pipeline.Components.Testing;

/// <summary>
/// The files a .NET project's build reads, found from its project file: its folder, the projects it
/// references (followed transitively), files it includes from outside its folder, and the MSBuild
/// imports above each project (Directory.Build.props/targets, Directory.Packages.props), as globs
/// relative to the root. Only what the XML says: properties (<c>$(…)</c>) and conditions are not evaluated.
/// </summary>
internal static partial class DotNetProjectClosure
{
    private static readonly string[] ImportsAbove = ["Directory.Build.props", "Directory.Build.targets", "Directory.Packages.props"];

    // Items that bring files into a build from wherever their Include points.
    private static readonly string[] FileItems = ["Compile", "None", "Content", "EmbeddedResource", "AdditionalFiles"];

    /// <summary>Globs (relative to <paramref name="root"/>, '/' separators) of what <paramref name="projectOrSolution"/> is built from.</summary>
    public static IReadOnlyList<string> GlobsOf(string projectOrSolution, AbsolutePath root)
    {
        var target = new AbsolutePath(Path.GetFullPath((root / projectOrSolution).Value));
        var globs = new SortedSet<string>(StringComparer.Ordinal) { FileOrFolderGlob(root, target) };
        var pending = new Queue<AbsolutePath>(Directory.Exists(target) ? ProjectsIn(target) : ProjectsOf(target));
        var seen = new HashSet<string>(StringComparer.Ordinal);
        while (pending.TryDequeue(out var project))
        {
            if (!seen.Add(project.Value))
            {
                continue;
            }

            var folder = new AbsolutePath(Path.GetDirectoryName(project.Value)!);
            globs.Add(Relative(root, folder) is "" ? "**" : Relative(root, folder) + "/**");
            foreach (var import in ImportsBetween(root, folder))
            {
                globs.Add(Relative(root, import));
            }

            foreach (var include in ReferencesOf(project))
            {
                var path = new AbsolutePath(Path.GetFullPath(Path.Combine(folder.Value, include)));
                if (include.EndsWith("proj", StringComparison.OrdinalIgnoreCase))
                {
                    pending.Enqueue(path);
                }
                else if (!path.Value.StartsWith(folder.Value + Path.DirectorySeparatorChar, StringComparison.Ordinal))
                {
                    globs.Add(Relative(root, path));
                }
            }
        }

        return [.. globs];
    }

    // 'dotnet test <folder>' builds the one solution or project in that folder.
    private static List<AbsolutePath> ProjectsIn(AbsolutePath folder) =>
        Directory.EnumerateFiles(folder)
            .Where(file => file.EndsWith(".sln", StringComparison.OrdinalIgnoreCase) || file.EndsWith(".slnx", StringComparison.OrdinalIgnoreCase) || file.EndsWith("proj", StringComparison.OrdinalIgnoreCase))
            .SelectMany(file => ProjectsOf(new AbsolutePath(file)))
            .ToList();

    private static string FileOrFolderGlob(AbsolutePath root, AbsolutePath path) =>
        !Directory.Exists(path) ? Relative(root, path) : Relative(root, path) is "" ? "**" : Relative(root, path) + "/**";

    /// <summary>A solution's projects, or the project itself.</summary>
    private static List<AbsolutePath> ProjectsOf(AbsolutePath projectOrSolution)
    {
        var folder = Path.GetDirectoryName(projectOrSolution.Value)!;
        var extension = Path.GetExtension(projectOrSolution.Value);
        if (extension.Equals(".sln", StringComparison.OrdinalIgnoreCase))
        {
            return File.Exists(projectOrSolution)
                ? File.ReadLines(projectOrSolution)
                    .Select(line => SolutionProject().Match(line))
                    .Where(m => m.Success && m.Groups["path"].Value.EndsWith("proj", StringComparison.OrdinalIgnoreCase))
                    .Select(m => new AbsolutePath(Path.GetFullPath(Path.Combine(folder, Normalized(m.Groups["path"].Value)))))
                    .ToList()
                : [];
        }

        if (extension.Equals(".slnx", StringComparison.OrdinalIgnoreCase))
        {
            return Load(projectOrSolution)?.Descendants("Project")
                .Select(p => (string?)p.Attribute("Path"))
                .OfType<string>()
                .Select(path => new AbsolutePath(Path.GetFullPath(Path.Combine(folder, Normalized(path)))))
                .ToList() ?? [];
        }

        return [projectOrSolution];
    }

    /// <summary>The project's references and file items, as written (relative to its folder); none that need MSBuild to evaluate.</summary>
    private static List<string> ReferencesOf(AbsolutePath project) =>
        Load(project)?.Descendants()
            .Where(e => e.Name.LocalName == "ProjectReference" || FileItems.Contains(e.Name.LocalName))
            .Select(e => (string?)e.Attribute("Include"))
            .OfType<string>()
            .SelectMany(include => include.Split(';', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries))
            .Where(include => !include.Contains("$(", StringComparison.Ordinal) && !include.Contains("@(", StringComparison.Ordinal))
            .Select(Normalized)
            .ToList() ?? [];

    /// <summary>Where MSBuild would look for its imports: the project's folder and each one above it, up to the root.</summary>
    private static IEnumerable<AbsolutePath> ImportsBetween(AbsolutePath root, AbsolutePath folder)
    {
        for (var current = folder; ; current = new AbsolutePath(Path.GetDirectoryName(current.Value)!))
        {
            foreach (var name in ImportsAbove)
            {
                yield return current / name;
            }

            if (current.Value == root.Value || !current.Value.StartsWith(root.Value, StringComparison.Ordinal) || Path.GetDirectoryName(current.Value) is null)
            {
                yield break;
            }
        }
    }

    // A project that does not load is still an input through its folder; only its references are unknown.
    private static XDocument? Load(AbsolutePath file)
    {
        try
        {
            return File.Exists(file) ? XDocument.Load(file.Value) : null;
        }
        catch (XmlException)
        {
            return null;
        }
    }

    private static string Normalized(string path) => path.Replace('\\', '/');

    private static string Relative(AbsolutePath root, AbsolutePath path) =>
        path.Value == root.Value ? "" : path.RelativeTo(root).Replace('\\', '/');

    // Project("{type}") = "Name", "path\to\Name.csproj", "{guid}"
    [GeneratedRegex("""^Project\("[^"]*"\)\s*=\s*"[^"]*",\s*"(?<path>[^"]+)"\s*,""")]
    private static partial Regex SolutionProject();
}
