namespace Pipeline.Components.Testing;

/// <summary>
/// <c>cargo test --no-fail-fast</c> in a workspace (or one crate of it with <c>-p</c>). Its standard
/// output is logged and saved as the result file (<c>artifacts/test-results/&lt;suite&gt;/cargo-test.txt</c>).
/// Its inputs: the workspace's Cargo.toml files, Cargo.lock, each crate's src/, tests/, benches/ and
/// examples/, build.rs, and cargo's version; never target/.
/// </summary>
/// <param name="workspaceDirectory">The folder with the workspace's Cargo.toml, relative to the repository root.</param>
/// <param name="crate">One package of the workspace; null for all of them.</param>
/// <param name="arguments">More arguments for <c>cargo test</c>, e.g. <c>--locked</c>.</param>
public sealed class CargoTests(string workspaceDirectory, string? crate = null, IReadOnlyList<string>? arguments = null) : ITestSuite, ISuiteInputs
{
    private static readonly Tool Cargo = new("cargo");

    public string Name => crate is null ? $"cargo {workspaceDirectory}" : $"cargo {workspaceDirectory} -p {crate}";

    // The build cache is the workspace's own target folder, wherever the workspace is.
    public Toolchain Toolchain => Toolchain.Cargo with
    {
        CachePaths = [.. Toolchain.Cargo.CachePaths.Where(p => p != "target"), $"{workspaceDirectory.TrimEnd('/')}/target"],
    };

    public void DeclareInputs(TargetInputs inputs, AbsolutePath root)
    {
        ArgumentNullException.ThrowIfNull(inputs);
        var workspace = InputGlobs.Under(workspaceDirectory);
        foreach (var glob in new[] { "**/Cargo.toml", "Cargo.lock", "**/build.rs", "**/src/**", "**/tests/**", "**/benches/**", "**/examples/**" })
        {
            inputs.Files(workspace + glob, InputGlobs.Excluded);
        }

        inputs.Tool(RequiredTool.Cargo).Value(Name + " arguments", string.Join(' ', arguments ?? []));
    }

    public async Task<TestSummary> RunAsync(TargetContext context)
    {
        var resultFile = TestResultFiles.FreshFolder(context, Name) / "cargo-test.txt";
        // --no-fail-fast: every test binary runs, so one failing crate does not hide the others' results.
        var command = Cargo.Command(crate is null ? ["test", "--no-fail-fast", "--workspace"] : ["test", "--no-fail-fast", "-p", crate])
            .AddArguments(arguments ?? [])
            .WithWorkingDirectory(AbsolutePath.Resolve(workspaceDirectory, context.RootDirectory))
            .WithStandardOutputTo(resultFile);
        ProcessFailedException? failure = null;
        try
        {
            await context.RunAsync(command);
        }
        catch (ProcessFailedException e)
        {
            failure = e;
        }

        var summary = CargoTestOutput.Parse(File.Exists(resultFile) ? File.ReadLines(resultFile) : []);
        if (failure is not null && summary.Failed == 0)
        {
            throw failure; // failed, yet no test did: it did not compile
        }

        return summary.WithResultFiles(resultFile);
    }
}
