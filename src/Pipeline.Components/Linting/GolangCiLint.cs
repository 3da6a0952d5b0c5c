namespace Pipeline.Components.Linting;

/// <summary>
/// golangci-lint (<c>golangci-lint run ./...</c>) in a Go module, with the module's own configuration
/// (<c>.golangci.yml</c>). It runs because a Lint target lists it, never because it happens to be
/// installed: the machine, and a CI job, must have it (<see cref="Executable"/> names another one).
/// </summary>
public sealed class GolangCiLint(string moduleDirectory = ".") : ILinter
{
    /// <summary>The golangci-lint to run: a name looked up on PATH, or a path.</summary>
    public string Executable { get; init; } = "golangci-lint";

    public string Name => $"golangci-lint {moduleDirectory}";

    public Toolchain Toolchain => Toolchain.Go;

    public IEnumerable<RequiredTool> Tools => [RequiredTool.GolangCiLint with { Executable = Executable }];

    public Task<LintReport> LintAsync(TargetContext context) =>
        GoLinterRun.RunAsync(context, Name, moduleDirectory, new ToolCommand(Executable).AddArguments("run", "./..."), "golangci-lint", "golangci-lint");
}
