namespace Pipeline.Components.Coverage;

/// <summary>
/// <c>dotnet test --collect "XPlat Code Coverage"</c>: the coverlet collector (a package reference of
/// the test project) writes Cobertura XML for the assemblies under test.
/// </summary>
/// <param name="projectOrSolution">A test .csproj, .sln or .slnx, relative to the repository root.</param>
/// <param name="configuration">The build configuration, e.g. Release.</param>
/// <param name="noBuild">Test what an earlier target built (<c>--no-build</c>).</param>
public sealed class DotNetCoverage(string projectOrSolution, string? configuration = null, bool noBuild = false) : ICoverageSource
{
    private static readonly Tool DotNet = new("dotnet");

    public string Name => $"dotnet {projectOrSolution}";

    public Toolchain Toolchain => Toolchain.DotNet;

    public async Task<IReadOnlyList<AbsolutePath>> CollectAsync(TargetContext context)
    {
        var data = CoverageFiles.FreshDataFolder(context, Name);
        var command = DotNet.Command(
            "test", AbsolutePath.Resolve(projectOrSolution, context.RootDirectory), "--collect", "XPlat Code Coverage", "--results-directory", data);
        if (configuration is not null)
        {
            command = command.AddArguments("--configuration", configuration);
        }

        if (noBuild)
        {
            command = command.AddArguments("--no-build");
        }

        await context.RunAsync(command);
        var files = Directory.GetFiles(data, "coverage.cobertura.xml", SearchOption.AllDirectories)
            .Order(StringComparer.Ordinal)
            .Select(f => new AbsolutePath(f))
            .ToList();
        return files.Count > 0
            ? files
            : throw new TargetFailedException(
                $"{Name} wrote no coverage.cobertura.xml: does the test project reference the coverlet.collector package?");
    }
}
