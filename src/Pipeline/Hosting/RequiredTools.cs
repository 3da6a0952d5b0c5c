using Pipeline.Planning;
using Pipeline.Processes;

namespace Pipeline.Hosting;

/// <summary>
/// The tools the planned targets declare: checked on <c>PATH</c> before any target starts (one line
/// per missing tool, with how to install it), and described with their versions for <c>--plan</c>.
/// </summary>
internal static class RequiredTools
{
    public static void Check(Plan plan, IReadOnlyDictionary<string, string> variables)
    {
        var missing = Needed(plan).Where(n => ExecutableSearch.Find(n.Tool, variables) is null).ToList();
        if (missing.Count == 1)
        {
            throw new ToolNotFoundException($"{Describe(missing[0])}. Nothing has run.");
        }

        if (missing.Count > 1)
        {
            throw new ToolNotFoundException(
                $"{missing.Count} tools are not installed (or not on PATH); nothing has run:\n" +
                string.Join('\n', missing.Select(m => "  " + Describe(m))));
        }
    }

    /// <summary>One row per tool for <c>--plan</c>: the tool, what was found (its version's first line), the targets that need it.</summary>
    public static async Task<IReadOnlyList<(string Tool, string Found, string NeededBy)>> DescribeAsync(
        Plan plan, IReadOnlyDictionary<string, string> variables, ProcessRunner processes, CancellationToken cancellation)
    {
        var rows = await Task.WhenAll(Needed(plan).Select(async need =>
        {
            var path = ExecutableSearch.Find(need.Tool, variables);
            var found = path is null ? "not found: " + need.Tool.InstallHint : await VersionAsync(need.Tool, path, processes, cancellation).ConfigureAwait(false);
            return (need.Tool.Executable, found, string.Join(", ", need.Targets));
        })).ConfigureAwait(false);
        return rows;
    }

    private static async Task<string> VersionAsync(RequiredTool tool, string path, ProcessRunner processes, CancellationToken cancellation)
    {
        using var limit = CancellationTokenSource.CreateLinkedTokenSource(cancellation);
        limit.CancelAfter(TimeSpan.FromSeconds(10)); // a tool that hangs on --version must not hang the plan
        try
        {
            var command = new ToolCommand(path).AddArguments(tool.VersionArguments).WithQuietOutput().WithGracePeriod(TimeSpan.FromSeconds(1));
            var result = await processes.RunAsync(command, "plan", _ => { }, limit.Token).ConfigureAwait(false);
            return result.Output.FirstOrDefault(line => line.Trim().Length > 0)?.Trim() ?? path;
        }
        catch (Exception e) when (e is PipelineException or OperationCanceledException)
        {
            return $"{path} (its version could not be read)";
        }
    }

    private static List<(RequiredTool Tool, List<string> Targets)> Needed(Plan plan) =>
        [.. plan.ToRun
            .SelectMany(t => t.Definition.Tools.Select(tool => (Tool: tool, Target: t.Name)))
            .GroupBy(n => n.Tool.Executable, StringComparer.Ordinal)
            .Select(g => (g.First().Tool, g.Select(n => n.Target).Distinct().ToList()))];

    private static string Describe((RequiredTool Tool, List<string> Targets) need) =>
        $"{need.Tool.Executable} is not installed (or not on PATH), and {string.Join(", ", need.Targets)} " +
        $"need{(need.Targets.Count == 1 ? "s" : "")} it: {need.Tool.InstallHint}";
}
