using Pipeline.Tests.Parameters;
using Pipeline.Tests.Support;

namespace Pipeline.Tests.Output;

public sealed class StepSummarySpecs
{
    private const string Secret = "hunter2-s3cr3t";

    private static Script Summarising() => new Script()
        .Parameters(Params.RegistryPassword)
        .Target<A>(action: c =>
        {
            c.StepSummary.Append(["### From A", $"token {c.Get(Params.RegistryPassword)}"]);
            c.Log.Info($"summary available: {c.StepSummary.IsAvailable}; repository {c.Variables.GetValueOrDefault("GITHUB_REPOSITORY")}");
            return Task.CompletedTask;
        });

    [Fact]
    public async Task Under_GitHub_Actions_a_target_appends_masked_markdown_before_the_run_summary()
    {
        using var root = new TempRoot();
        var summary = root.Path / "summary.md";
        var variables = new Dictionary<string, string>
        {
            ["REGISTRY_PASSWORD"] = Secret,
            ["GITHUB_ACTIONS"] = "true",
            ["GITHUB_STEP_SUMMARY"] = summary,
            ["GITHUB_REPOSITORY"] = "octo/calc",
        };

        var run = await Summarising().RunAsync(["A"], variables, root);

        Assert.Equal(ExitCodes.Success, run.ExitCode);
        Assert.Contains("summary available: True; repository octo/calc", run.Output);
        var text = File.ReadAllText(summary);
        Assert.StartsWith("### From A\ntoken ***\n\n", text.ReplaceLineEndings("\n"));
        Assert.Contains("### Pipeline: succeeded", text);
        Assert.DoesNotContain(Secret, text);
    }

    [Fact]
    public async Task Locally_appending_writes_nothing()
    {
        using var root = new TempRoot();
        var summary = root.Path / "summary.md";

        // GITHUB_STEP_SUMMARY alone (without GITHUB_ACTIONS) is not a CI run.
        var run = await Summarising().RunAsync(["A"], new Dictionary<string, string> { ["REGISTRY_PASSWORD"] = Secret, ["GITHUB_STEP_SUMMARY"] = summary }, root);

        Assert.Equal(ExitCodes.Success, run.ExitCode);
        Assert.Contains("summary available: False", run.Output);
        Assert.False(File.Exists(summary));
    }

    [Fact]
    public async Task An_unwritable_step_summary_is_warned_about_once_and_the_run_still_succeeds()
    {
        using var root = new TempRoot();
        var variables = new Dictionary<string, string>
        {
            ["REGISTRY_PASSWORD"] = Secret,
            ["GITHUB_ACTIONS"] = "true",
            ["GITHUB_STEP_SUMMARY"] = root.Path / "no-such-folder" / "summary.md",
        };

        var run = await Summarising().RunAsync(["A"], variables, root);

        Assert.Equal(ExitCodes.Success, run.ExitCode);
        Assert.Single(run.Error.Split('\n'), l => l.Contains("warning: the step summary", StringComparison.Ordinal));
        Assert.DoesNotContain("   at ", run.All, StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_closed_standard_output_does_not_change_the_run_s_result()
    {
        using var root = new TempRoot();
        var closed = new StringWriter();
        closed.Dispose();
        var script = new Script().Target<A>(action: c =>
        {
            c.Log.Info("nobody reads this");
            return Task.CompletedTask;
        });
        var environment = new PipelineEnvironment(root.Path, new Dictionary<string, string>(), closed, closed, ProcessorCount: 2, UseColor: false);

        var exitCode = await script.Builder().RunAsync(["A"], environment, TestContext.Current.CancellationToken);

        Assert.Equal(ExitCodes.Success, exitCode);
        Assert.True(script.Ran("A"));
    }
}
