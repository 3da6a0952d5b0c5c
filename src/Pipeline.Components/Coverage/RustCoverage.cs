namespace Pipeline.Components.Coverage;

/// <summary>
/// <c>cargo test --workspace</c> with <c>-C instrument-coverage</c>, built into <c>target/coverage</c> (the
/// normal build's cache stays valid): each test binary writes a raw profile, <c>llvm-profdata merge</c>
/// joins them, <c>llvm-cov export</c> reads them against the binaries, and the lines of each workspace
/// package become a package of the report. The standard library, registry crates and the files under
/// <c>tests/</c>, <c>benches/</c> and <c>examples/</c> are left out. llvm-profdata and llvm-cov must be of
/// rustc's LLVM: rustup's llvm-tools are used when installed, else Debian's <c>llvm-profdata-N</c> (see <see cref="LlvmTools"/>).
/// </summary>
/// <param name="workspaceDirectory">The folder with the workspace's Cargo.toml, relative to the repository root.</param>
/// <param name="arguments">More arguments for <c>cargo test</c>, e.g. <c>--locked</c>, <c>--lib</c>, <c>--exclude</c>.</param>
public sealed class RustCoverage(string workspaceDirectory, IReadOnlyList<string>? arguments = null) : ICoverageSource
{
    /// <summary>Relative to the workspace: apart from <c>target/debug</c>, whose builds lack the instrumentation.</summary>
    public const string TargetDirectory = "target/coverage";

    private static readonly Tool Cargo = new("cargo");

    public string Name => $"cargo {workspaceDirectory}";

    // As CargoTests: the build cache is the workspace's own target folder (target/coverage is in it).
    public Toolchain Toolchain => Toolchain.Cargo with
    {
        CachePaths = [.. Toolchain.Cargo.CachePaths.Where(p => p != "target"), $"{workspaceDirectory.TrimEnd('/')}/target"],
    };

    public IEnumerable<RequiredTool> Tools => [LlvmTools.Profdata, LlvmTools.Cov];

    public IEnumerable<CiStep> CiSteps => [LlvmTools.RustupComponent];

    public async Task<IReadOnlyList<AbsolutePath>> CollectAsync(TargetContext context)
    {
        var directory = AbsolutePath.Resolve(workspaceDirectory, context.RootDirectory);
        var data = CoverageFiles.FreshDataFolder(context, Name);
        var profiles = Directory.CreateDirectory(data / "profiles").FullName;
        var rustc = await Rustc.ReadAsync(context, directory);
        var llvm = LlvmTools.Find(rustc, context.Variables);
        context.Log.Info($"llvm-profdata {llvm.Profdata}, llvm-cov {llvm.Cov}: {llvm.Why}");

        // %p (process) and %m (binary) keep every test binary's profile apart.
        ToolCommand CargoTest(params string[] extra) => Cargo.Command(["test", "--workspace", "--target-dir", TargetDirectory, .. extra, .. arguments ?? []])
            .WithWorkingDirectory(directory)
            .WithEnvironment("RUSTFLAGS", string.Join(' ', new[] { context.Variables.GetValueOrDefault("RUSTFLAGS"), "-C instrument-coverage" }.Where(f => !string.IsNullOrWhiteSpace(f))))
            .WithEnvironment("LLVM_PROFILE_FILE", Path.Combine(profiles, "%p-%m.profraw"));
        await context.RunAsync(CargoTest());

        // Built already: this only lists the binaries (JSON, not logged), to read their coverage maps.
        var built = await context.RunAsync(CargoTest("--no-run", "--message-format=json").WithQuietOutput());
        var executables = CargoJson.Executables(built.StandardOutput);
        var rawProfiles = Directory.GetFiles(profiles, "*.profraw").Order(StringComparer.Ordinal).ToList();
        if (executables.Count == 0 || rawProfiles.Count == 0)
        {
            throw new TargetFailedException($"{Name}: cargo test wrote no coverage profile: does the workspace have tests (cargo test --no-run lists {executables.Count} binaries)?");
        }

        var metadata = await context.RunAsync(Cargo.Command("metadata", "--format-version", "1", "--no-deps").WithWorkingDirectory(directory).WithQuietOutput());
        var workspace = CargoJson.Workspace(string.Join('\n', metadata.StandardOutput));

        var merged = data / "coverage.profdata";
        await RunLlvmAsync(context, llvm.Profdata, rustc, new ToolCommand(llvm.Profdata).AddArguments(["merge", "-sparse", "--failure-mode=any", .. rawProfiles, "-o", merged]));
        var trace = data / "coverage.lcov";
        await RunLlvmAsync(context, llvm.Cov, rustc, new ToolCommand(llvm.Cov)
            .AddArguments("export", "-format=lcov", $"-instr-profile={merged}", $"-ignore-filename-regex={Ignored(workspace.Root)}", executables[0])
            .AddArguments(executables.Skip(1).SelectMany(e => new[] { "-object", e }))
            .WithStandardOutputTo(trace, alsoLog: false));

        var files = LcovTrace.Parse(File.ReadLines(trace), workspace);
        var cobertura = data / "coverage.cobertura.xml";
        CoberturaReport.Write(cobertura, workspace.Root, files, context.Clock.GetUtcNow());
        return [cobertura];
    }

    /// <summary>
    /// Files llvm-cov leaves out (an extended regular expression over absolute paths): the standard
    /// library's (<c>/rustc/&lt;commit&gt;/</c>, a sysroot's <c>lib/rustlib</c>), registry and git
    /// dependencies, and under the workspace its test, bench and example files and generated code.
    /// </summary>
    internal static string Ignored(AbsolutePath workspaceRoot)
    {
        var root = Escape(workspaceRoot.Value.Replace('\\', '/'));
        return $"^/rustc/|/lib/rustlib/|/registry/src/|/git/checkouts/|^{root}/(.*/)?(tests|benches|examples)/|^{root}/target/";
    }

    // A tool that exits with an error has said why on standard error (logged as it came): one line with both LLVMs.
    private static async Task RunLlvmAsync(TargetContext context, string tool, Rustc rustc, ToolCommand command)
    {
        var result = await context.RunAsync(command.AcceptingExitCodes(1));
        if (result.ExitCode != 0)
        {
            var version = await context.RunAsync(new ToolCommand(tool).AddArguments("--version").WithQuietOutput().WithoutEcho().AcceptingExitCodes(1));
            throw LlvmTools.Rejected(tool, version.Output, rustc, result.StandardError);
        }
    }

    // POSIX extended regular expressions, as llvm's: a backslash makes any of these literal.
    private static string Escape(string text) =>
        string.Concat(text.Select(c => "\\^$.|?*+()[]{}".Contains(c, StringComparison.Ordinal) ? "\\" + c : c.ToString()));
}
