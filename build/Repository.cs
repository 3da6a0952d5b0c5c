using Pipeline;

namespace Build;

/// <summary>Where things are in this repository; built once per run from the root.</summary>
public sealed class Repository(PipelineEnvironment environment)
{
    public AbsolutePath Root => environment.RootDirectory;

    public AbsolutePath Solution => Root / "Pipeline.sln";

    public AbsolutePath TestResults => Root / "artifacts" / "test-results";

    public IEnumerable<AbsolutePath> TestProjects =>
        Directory.GetFiles(Root / "tests", "*.Tests.csproj", SearchOption.AllDirectories)
            .Order(StringComparer.Ordinal)
            .Select(path => new AbsolutePath(path));

    public static Tool DotNet { get; } = new("dotnet");
}
