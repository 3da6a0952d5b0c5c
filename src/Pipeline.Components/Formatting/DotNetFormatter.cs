using Pipeline.Components.Tools;

namespace Pipeline.Components.Formatting;

/// <summary><c>dotnet format</c> over a project or solution (relative to the root), as its .editorconfig says.</summary>
public sealed class DotNetFormatter(string projectOrSolution, DotNetFormatScope scope = DotNetFormatScope.All) : IFormatter
{
    // --verify-no-changes exits 2 when something would change.
    private const int WouldChange = 2;

    public string Name => $"dotnet format {projectOrSolution}";

    public Toolchain Toolchain => Toolchain.DotNet;

    public async Task<FormatCheck> CheckAsync(TargetContext context) =>
        new(Name, await RunAsync(context, "--verify-no-changes"));

    public Task<IReadOnlyList<string>> FixAsync(TargetContext context) => RunAsync(context);

    // The files come from the --report JSON rather than the console, whose wording changes between SDKs.
    private async Task<IReadOnlyList<string>> RunAsync(TargetContext context, params string[] mode)
    {
        var reportDirectory = Path.Combine(Path.GetTempPath(), "pipeline-format", Guid.NewGuid().ToString("N")[..12]);
        try
        {
            string[] subcommand = scope == DotNetFormatScope.All ? [] : [scope.ToString().ToLowerInvariant()];
            var command = new ToolCommand("dotnet")
                .WithArguments(["format", .. subcommand, projectOrSolution, .. mode, "--report", reportDirectory])
                .AcceptingExitCodes(WouldChange);
            var result = await context.RunAsync(command);
            var report = Path.Combine(reportDirectory, "format-report.json");
            if (!File.Exists(report))
            {
                throw ToolFailure.Unreadable("dotnet format", result);
            }

            return DotNetFormatReport.Files(await File.ReadAllTextAsync(report, context.Cancellation), context.RootDirectory);
        }
        finally
        {
            if (Directory.Exists(reportDirectory))
            {
                Directory.Delete(reportDirectory, recursive: true);
            }
        }
    }
}
