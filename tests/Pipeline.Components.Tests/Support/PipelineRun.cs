namespace Pipeline.Components.Tests.Support;

/// <summary>What an in-process run printed, and its step summary page.</summary>
public sealed record RunResult(int ExitCode, string Output, string Error, string StepSummary)
{
    public IReadOnlyList<string> Lines => Output.Split('\n').Select(l => l.TrimEnd('\r')).ToList();

    public string All => Output + Error + StepSummary;
}

/// <summary>Runs a pipeline in-process against a temp root, optionally as GitHub Actions would (with a step summary file).</summary>
public static class PipelineRun
{
    public static async Task<RunResult> RunAsync(
        PipelineBuilder builder, TempRoot root, string target, bool gitHubActions = false, IReadOnlyDictionary<string, string>? variables = null)
    {
        var summary = root.Path / ".step-summary.md";
        File.WriteAllText(summary, "");
        var all = new Dictionary<string, string>(variables ?? new Dictionary<string, string>(), StringComparer.Ordinal);
        if (gitHubActions)
        {
            all["GITHUB_ACTIONS"] = "true";
            all["GITHUB_STEP_SUMMARY"] = summary;
        }

        var output = new StringWriter();
        var error = new StringWriter();
        var environment = new PipelineEnvironment(root.Path, all, output, error, ProcessorCount: 2, UseColor: false);
        var exitCode = await builder.RunAsync([target], environment, TestContext.Current.CancellationToken);
        return new RunResult(exitCode, output.ToString(), error.ToString(), File.ReadAllText(summary));
    }
}
