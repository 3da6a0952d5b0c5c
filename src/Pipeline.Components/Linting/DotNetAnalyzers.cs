using Pipeline.Components.Tools;

namespace Pipeline.Components.Linting;

/// <summary>
/// Builds a project or solution (relative to the root) with its analyzers and reads the compiler's
/// diagnostics. By default it rebuilds, because an incremental build stays silent about warnings it reported before.
/// </summary>
/// <param name="warningsAsErrors">Every warning fails the build (<c>-warnaserror</c>), as a lint gate wants.</param>
/// <param name="configuration">The build configuration; the project's default when null.</param>
/// <param name="incremental">
/// Compiles only what changed since the last lint, which is much faster locally. Sound with warnings as
/// errors, which it then also asks of the compiler (<c>TreatWarningsAsErrors</c>): a project with a
/// finding keeps no assembly, so the next build compiles it and reports it again. Without warnings as
/// errors, the warnings of unchanged projects go unreported.
/// </param>
public sealed class DotNetAnalyzers(string projectOrSolution, bool warningsAsErrors = true, string? configuration = null, bool incremental = false) : ILinter
{
    private const int BuildFailed = 1;

    public string Name => $"dotnet build {projectOrSolution} (analyzers)";

    public Toolchain Toolchain => Toolchain.DotNet;

    public async Task<LintReport> LintAsync(TargetContext context)
    {
        string[] rebuild = incremental ? [] : ["--no-incremental"];

        // MSBuild's -warnaserror fails the build yet keeps the assembly the compiler wrote, which an
        // incremental build would then take as up to date; the compiler's own switch writes none.
        string[] strict = (warningsAsErrors, incremental) switch
        {
            (false, _) => [],
            (true, false) => ["-warnaserror"],
            (true, true) => ["-warnaserror", "-p:TreatWarningsAsErrors=true"],
        };
        string[] configurationArguments = configuration is null ? [] : ["--configuration", configuration];
        var command = new ToolCommand("dotnet")
            .AddArguments(["build", projectOrSolution, .. rebuild, "-nologo", "-tl:off", .. strict, .. configurationArguments])
            .AcceptingExitCodes(BuildFailed)
            .WithOutputKept(); // the findings are read out of it
        var result = await context.RunAsync(command);
        var report = LintReport.Of(Name, MsBuildDiagnostics.Parse(result.Output, context.RootDirectory, context.RootDirectory));
        if (result.ExitCode != 0 && !report.HasErrors)
        {
            throw ToolFailure.Unreadable("dotnet build", result); // a missing SDK or project, not a finding
        }

        return report;
    }
}
