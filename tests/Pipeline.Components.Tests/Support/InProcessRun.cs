namespace Pipeline.Components.Tests.Support;

/// <summary>The exit code and everything a pipeline run wrote.</summary>
public sealed record RunOutcome(int ExitCode, string Output, string Error)
{
    public string All => Output + Error;

    public IReadOnlyList<string> Lines => [.. Output.Split('\n').Select(l => l.TrimEnd('\r'))];
}

/// <summary>Runs a pipeline in this process against a temp root, as <c>./build.sh</c> would run it there.</summary>
public static class InProcessRun
{
    public static async Task<RunOutcome> RunAsync(
        this PipelineBuilder builder, TempRoot root, IReadOnlyList<string> args, IReadOnlyDictionary<string, string>? variables = null)
    {
        var output = new StringWriter();
        var error = new StringWriter();
        var environment = new PipelineEnvironment(
            root.Path, variables ?? new Dictionary<string, string>(), output, error, ProcessorCount: 2, UseColor: false);
        var exitCode = await builder.RunAsync(args, environment, TestContext.Current.CancellationToken);
        return new RunOutcome(exitCode, output.ToString(), error.ToString());
    }

    public static Dictionary<string, string> UnderGitHubActions() => new() { ["GITHUB_ACTIONS"] = "true" };
}
