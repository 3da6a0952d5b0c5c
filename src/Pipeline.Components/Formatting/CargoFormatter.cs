using Pipeline.Components.Tools;

namespace Pipeline.Components.Formatting;

/// <summary><c>cargo fmt</c> over every package of the Cargo workspace in a directory (relative to the root).</summary>
public sealed class CargoFormatter(string workspaceDirectory = ".") : IFormatter
{
    // cargo fmt --check exits 1 when a file differs: that is the answer, not a failure.
    private const int Differs = 1;

    public string Name => $"cargo fmt {workspaceDirectory}";

    public Toolchain Toolchain => Toolchain.Cargo;

    public async Task<FormatCheck> CheckAsync(TargetContext context)
    {
        var result = await RunAsync(context, check: true);
        var files = FilesIn(result, context);
        if (result.ExitCode != 0 && files.Count == 0)
        {
            throw ToolFailure.Unreadable("cargo fmt --check", result); // a syntax error, say
        }

        return new FormatCheck(Name, files);
    }

    public async Task<IReadOnlyList<string>> FixAsync(TargetContext context) => FilesIn(await RunAsync(context, check: false), context);

    // rustfmt's -l prints the absolute path of each file that differs (or, without --check, was rewritten).
    private Task<ProcessResult> RunAsync(TargetContext context, bool check)
    {
        string[] mode = check ? ["--check"] : [];
        var command = new ToolCommand("cargo")
            .AddArguments(["fmt", "--all", .. mode, "--", "-l"])
            .WithWorkingDirectory(ReportedPath.Directory(workspaceDirectory, context.RootDirectory))
            .AcceptingExitCodes(check ? [Differs] : [])
            .WithOutputKept(); // the file names are read out of it
        return context.RunAsync(command);
    }

    private IReadOnlyList<string> FilesIn(ProcessResult result, TargetContext context)
    {
        var workspace = ReportedPath.Directory(workspaceDirectory, context.RootDirectory);
        return [.. result.Output
            .Where(line => line.EndsWith(".rs", StringComparison.Ordinal) && !line.StartsWith("Diff in ", StringComparison.Ordinal))
            .Select(line => ReportedPath.RelativeToRoot(line, workspace, context.RootDirectory))
            .Distinct()
            .Order(StringComparer.Ordinal)];
    }
}
