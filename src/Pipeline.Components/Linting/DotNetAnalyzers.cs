using Pipeline.Components.Tools;

namespace Pipeline.Components.Linting;

/// <summary>
/// Builds a project or solution (relative to the root) with its analyzers and reads the compiler's
/// diagnostics. It rebuilds, because an incremental build stays silent about warnings it reported before.
/// </summary>
/// <param name="warningsAsErrors">Every warning fails the build (<c>-warnaserror</c>), as a lint gate wants.</param>
/// <param name="configuration">The build configuration; the project's default when null.</param>
public sealed class DotNetAnalyzers(string projectOrSolution, bool warningsAsErrors = true, string? configuration = null) : ILinter
{
    private const int BuildFailed = 1;

    public string Name => $"dotnet build {projectOrSolution} (analyzers)";

    public Toolchain Toolchain => Toolchain.DotNet;

    public async Task<LintReport> LintAsync(TargetContext context)
    {
        string[] strict = warningsAsErrors ? ["-warnaserror"] : [];
        string[] configurationArguments = configuration is null ? [] : ["--configuration", configuration];
        var command = new ToolCommand("dotnet")
            .WithArguments(["build", projectOrSolution, "--no-incremental", "-nologo", "-tl:off", .. strict, .. configurationArguments])
            .AcceptingExitCodes(BuildFailed);
        var result = await context.RunAsync(command);
        var report = LintReport.Of(Name, MsBuildDiagnostics.Parse(result.Output, context.RootDirectory, context.RootDirectory));
        if (result.ExitCode != 0 && !report.HasErrors)
        {
            throw ToolFailure.Unreadable("dotnet build", result); // a missing SDK or project, not a finding
        }

        return report;
    }
}
