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
}
