namespace Pipeline.Components.Tests.Support;

/// <summary>The exit code, everything a pipeline run wrote, and its step summary page (under GitHub Actions).</summary>
public sealed record RunOutcome(int ExitCode, string Output, string Error, string StepSummary)
{
    public string All => Output + Error + StepSummary;

    public IReadOnlyList<string> Lines => [.. Output.Split('\n').Select(l => l.TrimEnd('\r'))];
}

/// <summary>Runs a pipeline in this process against a temp root, as <c>./build.sh</c> would run it there.</summary>
public static class InProcessRun
{
    /// <param name="gitHubActions">Run as under GitHub Actions, with a step summary file whose content the outcome carries.</param>
    public static async Task<RunOutcome> RunAsync(
        this PipelineBuilder builder,
        TempRoot root,
        IReadOnlyList<string> args,
        IReadOnlyDictionary<string, string>? variables = null,
        bool gitHubActions = false)
    {
        var all = new Dictionary<string, string>(variables ?? new Dictionary<string, string>(), StringComparer.Ordinal);
        var summary = root.Path / ".step-summary.md";
        if (gitHubActions)
        {
            File.WriteAllText(summary, "");
            all["GITHUB_ACTIONS"] = "true";
            all["GITHUB_STEP_SUMMARY"] = summary;
        }

        var output = new StringWriter();
        var error = new StringWriter();
        var environment = new PipelineEnvironment(root.Path, all, output, error, ProcessorCount: 2, UseColor: false);
        var exitCode = await builder.RunAsync(args, environment, TestContext.Current.CancellationToken);
        return new RunOutcome(exitCode, output.ToString(), error.ToString(), gitHubActions ? File.ReadAllText(summary) : "");
    }

    public static Dictionary<string, string> UnderGitHubActions() => new() { ["GITHUB_ACTIONS"] = "true" };
}
