using Pipeline.Components.Tools;

namespace Pipeline.Components.Linting;

/// <summary>
/// <c>go vet ./...</c> in a Go module (a directory relative to the root), then golangci-lint too
/// when it is on PATH, so a machine with it gets the stricter checks without configuring anything.
/// </summary>
public sealed class GoVet(string moduleDirectory = ".") : ILinter
{
    // go vet exits 1 (or 2 for type errors) with findings; golangci-lint exits 1 with issues.
    private static readonly int[] ExitCodesWithFindings = [1, 2];

    public string Name => $"go vet {moduleDirectory}";

    public Toolchain Toolchain => Toolchain.Go;

    public async Task<LintReport> LintAsync(TargetContext context)
    {
        var module = ReportedPath.Directory(moduleDirectory, context.RootDirectory);
        var findings = new List<LintFinding>(await RunAsync(context, module, "go vet", "go", ["vet", "./..."], "vet"));
        if (FindOnPath("golangci-lint") is not null)
        {
            findings.AddRange(await RunAsync(context, module, "golangci-lint", "golangci-lint", ["run", "./..."], "golangci-lint"));
        }

        return LintReport.Of(Name, findings);
    }

    private static async Task<IReadOnlyList<LintFinding>> RunAsync(
        TargetContext context, AbsolutePath module, string tool, string executable, string[] arguments, string defaultRule)
    {
        var command = new ToolCommand(executable).WithArguments(arguments).WithWorkingDirectory(module).AcceptingExitCodes(ExitCodesWithFindings);
        var result = await context.RunAsync(command);
        var findings = GoVetOutput.Parse(result.Output, module, context.RootDirectory, defaultRule);
        if (result.ExitCode != 0 && findings.Count == 0)
        {
            throw ToolFailure.Unreadable(tool, result);
        }

        return findings;
    }

    private static string? FindOnPath(string executable) =>
        (Environment.GetEnvironmentVariable("PATH") ?? "")
            .Split(Path.PathSeparator, StringSplitOptions.RemoveEmptyEntries)
            .Select(directory => Path.Combine(directory, executable))
            .FirstOrDefault(File.Exists);
}
