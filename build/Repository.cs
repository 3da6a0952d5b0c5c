using Pipeline;

namespace Build;

/// <summary>Where things are in this repository; built once per run from the root.</summary>
public sealed class Repository(PipelineEnvironment environment)
{
    public AbsolutePath Root => environment.RootDirectory;

    public AbsolutePath Solution => Root / "Pipeline.sln";

    public AbsolutePath TestResults => Root / "artifacts" / "test-results";

    public AbsolutePath Packages => Root / "artifacts" / "packages";

    public AbsolutePath WorkflowLint => Root / "tools" / "workflow-lint";

    /// <summary>On a release tag (GitHub's <c>refs/tags/v1.2.3</c>): the version it names; otherwise null.</summary>
    public string? ReleaseVersion =>
        environment.Variables.GetValueOrDefault("GITHUB_REF") is { } gitRef && gitRef.StartsWith("refs/tags/v", StringComparison.Ordinal)
            ? gitRef["refs/tags/v".Length..]
            : null;

    public IEnumerable<AbsolutePath> TestProjects =>
        Directory.GetFiles(Root / "tests", "*.Tests.csproj", SearchOption.AllDirectories)
            .Order(StringComparer.Ordinal)
            .Select(path => new AbsolutePath(path));

    public static Tool DotNet { get; } = new("dotnet");
}
