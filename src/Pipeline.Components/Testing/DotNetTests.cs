namespace Pipeline.Components.Testing;

/// <summary>
/// <c>dotnet test</c> on a project or solution with a TRX logger; counts and failed names come from
/// the TRX files in <c>artifacts/test-results/&lt;suite&gt;/</c>. Its inputs: the project's folder, the
/// projects it references (transitively, read from the project files) and what they include from
/// outside their folders, the Directory.Build.props/.targets and Directory.Packages.props above each,
/// global.json, nuget.config and the SDK's version; never bin/ or obj/.
/// </summary>
/// <param name="projectOrSolution">A .csproj, .sln or .slnx, relative to the repository root.</param>
/// <param name="configuration">The build configuration, e.g. Release.</param>
/// <param name="noBuild">Test what an earlier target built (<c>--no-build</c>).</param>
public sealed class DotNetTests(string projectOrSolution, string? configuration = null, bool noBuild = false) : ITestSuite, ISuiteInputs
{
    private static readonly Tool DotNet = new("dotnet");

    public string Name => $"dotnet {projectOrSolution}";

    public Toolchain Toolchain => Toolchain.DotNet;

    /// <summary>
    /// Globs (relative to the root) of other files the tests read while they run, which no project
    /// file names: fixtures, samples, scripts. Part of the suite's inputs.
    /// </summary>
    public IReadOnlyList<string> AlsoReads { get; init; } = [];

    public void DeclareInputs(TargetInputs inputs, AbsolutePath root)
    {
        ArgumentNullException.ThrowIfNull(inputs);
        ArgumentNullException.ThrowIfNull(root);
        foreach (var glob in DotNetProjectClosure.GlobsOf(projectOrSolution, root).Concat(AlsoReads).Concat(["global.json", "nuget.config", "NuGet.Config"]))
        {
            inputs.Files(glob, InputGlobs.Excluded);
        }

        inputs.Tool(RequiredTool.DotNet).Value(Name + " configuration", configuration ?? "default");
    }

    public async Task<TestSummary> RunAsync(TargetContext context)
    {
        var results = TestResultFiles.FreshFolder(context, Name);
        var command = DotNet.Command("test", AbsolutePath.Resolve(projectOrSolution, context.RootDirectory), "--logger", "trx", "--results-directory", results);
        if (configuration is not null)
        {
            command = command.AddArguments("--configuration", configuration);
        }

        if (noBuild)
        {
            command = command.AddArguments("--no-build");
        }

        ProcessFailedException? failure = null;
        try
        {
            await context.RunAsync(command);
        }
        catch (ProcessFailedException e)
        {
            failure = e;
        }

        var files = Directory.GetFiles(results, "*.trx", SearchOption.AllDirectories).Order(StringComparer.Ordinal).ToList();
        var summary = TrxReport.Read(files);
        if (failure is not null && summary.Failed == 0)
        {
            throw failure; // failed, yet no test did: a build error, or the test host crashed
        }

        return summary.WithResultFiles(files);
    }
}
