using Pipeline.Tests.Support;

namespace Pipeline.Tests.Cli;

/// <summary>The real ./build.sh of this repository, started as a process.</summary>
public sealed class BuildScriptSpecs
{
    [Fact]
    public async Task Help_lists_targets_with_descriptions_and_dependencies_and_the_parameters()
    {
        var result = await Repo.BuildShAsync("--help");

        Assert.Equal(0, result.ExitCode);
        Assert.Contains("Targets (default: Test):", result.StandardOutput);
        Assert.Matches(@"Compile\s+Builds the solution\s+→ Restore", result.StandardOutput);
        Assert.Matches(@"RunTests\s+Runs every test project.*→ Compile, InstallWorkflowLint", result.StandardOutput);
        Assert.Matches(@"Test\s+Checks a change.*→ Format, Lint, RunTests, TestTotals, CheckGenerated", result.StandardOutput);
        Assert.Matches(@"--configuration <Debug\|Release>\s+Build configuration .*\(default: Debug\)\s+CONFIGURATION", result.StandardOutput);
        Assert.Contains("--max-parallel", result.StandardOutput);
    }

    [Fact]
    public async Task An_unknown_target_exits_2_with_the_closest_name_and_runs_nothing()
    {
        var result = await Repo.BuildShAsync("Tset");

        Assert.Equal(ExitCodes.Usage, result.ExitCode);
        Assert.Contains("Unknown target 'Tset'. Did you mean `Test`?", result.StandardError);
        Assert.DoesNotContain("▶ started", result.StandardOutput);
    }

    [Fact]
    public async Task An_unknown_option_exits_2_with_did_you_mean()
    {
        var result = await Repo.BuildShAsync("Compile", "--configuraton", "Release");

        Assert.Equal(ExitCodes.Usage, result.ExitCode);
        Assert.Contains("Did you mean `--configuration`?", result.StandardError);
    }

    [Fact]
    public async Task Plan_prints_the_waves_and_runs_nothing()
    {
        var result = await Repo.BuildShAsync("Test", "--plan");

        Assert.Equal(0, result.ExitCode);
        Assert.Contains("Plan for Test: 9 of 9 targets run", result.StandardOutput);
        Assert.Matches(@"1\s+Restore", result.StandardOutput);
        Assert.Matches(@"2\s+Compile\s+Restore", result.StandardOutput);
        Assert.Matches(@"3\s+RunTests\s+Compile, InstallWorkflowLint", result.StandardOutput);
        Assert.Matches(@"4\s+TestTotals\s+RunTests", result.StandardOutput);
        Assert.Matches(@"5\s+Test\s+Format, Lint, RunTests, TestTotals, CheckGenerated", result.StandardOutput);
        Assert.DoesNotContain("▶ started", result.StandardOutput);
    }

    [Fact]
    public async Task Plan_mermaid_prints_a_graph_GitHub_renders()
    {
        var result = await Repo.BuildShAsync("Test", "--plan", "mermaid", "--skip", "Format");

        Assert.Equal(0, result.ExitCode);
        Assert.StartsWith("graph LR", result.StandardOutput);
        Assert.Contains("Compile --> RunTests", result.StandardOutput);
        Assert.Contains("RunTests --> Test", result.StandardOutput);
        Assert.Contains("class Format skipped", result.StandardOutput);
    }
}
