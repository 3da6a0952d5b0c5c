namespace Pipeline.Components.Testing;

/// <summary>
/// <c>go test -json ./...</c> in a module's folder. The event stream is the result file
/// (<c>artifacts/test-results/&lt;suite&gt;/go-test.json</c>); the log gets each failed test's output instead.
/// Its inputs: go.mod, go.sum, every .go file and testdata file of the module, and go's version.
/// </summary>
/// <param name="moduleDirectory">The folder with go.mod, relative to the repository root.</param>
/// <param name="packages">The package patterns to test.</param>
public sealed class GoTests(string moduleDirectory, string packages = "./...") : ITestSuite, ISuiteInputs
{
    private static readonly Tool Go = new("go");

    /// <summary><c>go services/events</c>; with packages other than <c>./...</c> or build tags those too, so two suites of one module keep their results apart.</summary>
    public string Name => (packages == "./..." ? $"go {moduleDirectory}" : $"go {moduleDirectory} {packages}") + (Tags.Count == 0 ? "" : $" ({string.Join(',', Tags)})");

    public Toolchain Toolchain => Toolchain.Go.WithVersionFile($"{moduleDirectory.TrimEnd('/')}/go.mod");

    /// <summary>
    /// Build tags to test with (<c>go test -tags integration</c>): tests behind a <c>//go:build</c> tag are
    /// left out of a plain <c>./...</c> run (the unit tests) and compiled only by the suite that names it.
    /// </summary>
    public IReadOnlyList<string> Tags { get; init; } = [];

    public void DeclareInputs(TargetInputs inputs, AbsolutePath root)
    {
        ArgumentNullException.ThrowIfNull(inputs);
        var module = InputGlobs.Under(moduleDirectory);
        foreach (var glob in new[] { "go.mod", "go.sum", "**/*.go", "**/testdata/**" })
        {
            inputs.Files(module + glob, InputGlobs.Excluded);
        }

        inputs.Tool(RequiredTool.Go).Value(Name + " packages", packages);
        if (Tags.Count > 0)
        {
            inputs.Value(Name + " tags", string.Join(',', Tags));
        }
    }

    private IEnumerable<string> TagArguments => Tags.Count == 0 ? [] : ["-tags", string.Join(',', Tags)];

    public async Task<TestSummary> RunAsync(TargetContext context)
    {
        var resultFile = TestResultFiles.FreshFolder(context, Name) / "go-test.json";
        var command = Go.Command(["test", "-json", .. TagArguments, packages])
            .WithWorkingDirectory(AbsolutePath.Resolve(moduleDirectory, context.RootDirectory))
            .WithStandardOutputTo(resultFile, alsoLog: false);
        ProcessFailedException? failure = null;
        try
        {
            await context.RunAsync(command);
        }
        catch (ProcessFailedException e)
        {
            failure = e;
        }

        var lines = File.Exists(resultFile) ? File.ReadAllLines(resultFile) : [];
        foreach (var text in lines.Where(l => !l.TrimStart().StartsWith('{')))
        {
            context.Log.Info(text); // not an event: go's own words, such as "FAIL pkg [build failed]"
        }

        var run = GoTestOutput.Read(lines);
        foreach (var verdict in run.PackageLines)
        {
            context.Log.Info(verdict);
        }

        foreach (var (test, output) in run.FailureOutput)
        {
            context.Log.Error($"--- {test}");
            foreach (var line in output)
            {
                context.Log.Info("    " + line);
            }
        }

        if (failure is not null && run.Summary.Failed == 0)
        {
            throw failure; // failed, yet no test did: the run itself broke
        }

        return run.Summary.WithResultFiles(resultFile);
    }
}
