using Pipeline.Components.Tools;

namespace Pipeline.Components.Linting;

/// <summary>
/// <c>cargo clippy</c> over every package and target (tests included) of the Cargo workspace in a
/// directory relative to the root, with warnings denied so every lint is an error.
/// </summary>
public sealed class CargoClippy(string workspaceDirectory = ".") : ILinter
{
    // cargo exits 101 when compilation (here: a denied lint) fails.
    private const int CompilationFailed = 101;

    public string Name => $"cargo clippy {workspaceDirectory}";

    public Toolchain Toolchain => Toolchain.Cargo;

    public async Task<LintReport> LintAsync(TargetContext context)
    {
        var workspace = ReportedPath.Directory(workspaceDirectory, context.RootDirectory);
        var command = new ToolCommand("cargo")
            .AddArguments("clippy", "--workspace", "--all-targets", "--message-format=short", "--", "-D", "warnings")
            .WithWorkingDirectory(workspace)
            .AcceptingExitCodes(CompilationFailed)
            .WithOutputKept(); // the findings are read out of it
        var result = await context.RunAsync(command);
        var report = LintReport.Of(Name, ClippyOutput.Parse(result.Output, workspace, context.RootDirectory));
        if (result.ExitCode != 0 && !report.HasErrors)
        {
            throw ToolFailure.Unreadable("cargo clippy", result);
        }

        return report;
    }
}
