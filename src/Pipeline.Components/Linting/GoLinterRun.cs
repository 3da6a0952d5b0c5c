using Pipeline.Components.Tools;

namespace Pipeline.Components.Linting;

/// <summary>Runs a Go linter in its module and reads its <c>file:line:col: message</c> lines.</summary>
internal static class GoLinterRun
{
    // go vet exits 1 (or 2 for type errors) with findings; golangci-lint exits 1 with issues.
    private static readonly int[] ExitCodesWithFindings = [1, 2];

    public static async Task<LintReport> RunAsync(
        TargetContext context, string name, string moduleDirectory, ToolCommand command, string tool, string defaultRule)
    {
        var module = ReportedPath.Directory(moduleDirectory, context.RootDirectory);
        var result = await context.RunAsync(command.WithWorkingDirectory(module).AcceptingExitCodes(ExitCodesWithFindings).WithOutputKept());
        var findings = GoVetOutput.Parse(result.Output, module, context.RootDirectory, defaultRule);
        if (result.ExitCode != 0 && findings.Count == 0)
        {
            throw ToolFailure.Unreadable(tool, result);
        }

        return LintReport.Of(name, findings);
    }
}
