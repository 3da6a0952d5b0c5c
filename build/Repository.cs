using Pipeline;

namespace Build;

/// <summary>Where things are in this repository; built once per run from the root.</summary>
public sealed class Repository(PipelineEnvironment environment)
{
    /// <summary>Relative to the root, as the components take their paths.</summary>
    public const string SolutionFile = "Pipeline.sln";

    public AbsolutePath Root => environment.RootDirectory;

    public AbsolutePath Solution => Root / SolutionFile;

    public AbsolutePath Packages => Root / "artifacts" / "packages";

    public AbsolutePath WorkflowLint => Root / "tools" / "workflow-lint";

    /// <summary>On a release tag (GitHub's <c>refs/tags/v1.2.3</c>): the version it names; otherwise null.</summary>
    public string? ReleaseVersion =>
        environment.Variables.GetValueOrDefault("GITHUB_REF") is { } gitRef && gitRef.StartsWith("refs/tags/v", StringComparison.Ordinal)
            ? gitRef["refs/tags/v".Length..]
            : null;

    /// <summary>Every test project under tests/, relative to the root: <c>tests/Pipeline.Tests/Pipeline.Tests.csproj</c>.</summary>
    public IEnumerable<string> TestProjects =>
        Directory.GetFiles(Root / "tests", "*.Tests.csproj", SearchOption.AllDirectories)
            .Select(path => new AbsolutePath(path).RelativeTo(Root).Replace('\\', '/'))
            .Order(StringComparer.Ordinal);

    public static Tool DotNet { get; } = new("dotnet");

    /// <summary>Build output and fetched packages: never an input.</summary>
    public static readonly string[] NotInputs = ["**/bin/**", "**/obj/**", "**/target/**", "**/node_modules/**", "artifacts/**"];

    /// <summary>What the solution's projects are built from (its projects live under these folders), as input globs.</summary>
    public static readonly string[] SolutionSources =
    [
        "src/**", "tests/**", "bench/**", "build/**", "templates/**", "samples/*/build/**",
        SolutionFile, "Directory.Build.props", "Directory.Build.targets", "Directory.Packages.props", "global.json", "nuget.config", ".editorconfig",
    ];

    /// <summary>The solution's projects, relative to the root, as the solution file lists them.</summary>
    public IEnumerable<string> Projects =>
        File.ReadLines(Solution)
            .Where(line => line.StartsWith("Project(", StringComparison.Ordinal))
            .Select(line => line.Split('"'))
            .Where(parts => parts.Length > 5 && parts[5].EndsWith("proj", StringComparison.Ordinal))
            .Select(parts => parts[5].Replace('\\', '/'));

    /// <summary>
    /// The projects whose <paramref name="folder"/> (under each project's folder, e.g. <c>obj/project.assets.json</c>)
    /// is missing: an input of the targets that make it, so deleting a build output makes them run again.
    /// </summary>
    public string Missing(string folder) =>
        string.Join(' ', Projects.Where(p => !Path.Exists(Root / Path.GetDirectoryName(p)! / folder)));

    /// <summary>Declares the solution's sources, the SDK, and which projects lack <paramref name="output"/>.</summary>
    public void SolutionInputs(TargetInputs inputs, string output)
    {
        foreach (var glob in SolutionSources)
        {
            inputs.Files(glob, NotInputs);
        }

        inputs.Tool(RequiredTool.DotNet).Computed((i, _, _) => i.Value("projects without " + output, Missing(output)));
    }
}
