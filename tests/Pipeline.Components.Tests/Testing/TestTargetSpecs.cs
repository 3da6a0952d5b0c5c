using Pipeline.Components.Testing;
using Pipeline.Components.Tests.Support;

namespace Pipeline.Components.Tests.Testing;

/// <summary>A Test target whose results CI keeps two weeks, as this repository's RunTests does.</summary>
public sealed class KeptTwoWeeks : TestTarget
{
    protected override IEnumerable<ITestSuite> Suites => [new GoTests(".")];

    protected override int? ResultsRetentionDays => 14;
}

public sealed class TestTargetSpecs
{
    [Fact]
    public async Task A_suite_that_breaks_counts_as_one_failure_and_the_next_suite_still_runs()
    {
        using var root = new TempRoot();

        var run = await TestPipeline.With(new FakeSuite("crashing", null), new FakeSuite("passing", new TestSummary(2, 0, 1, [], []))).RunAsync(root, ["Test"]);

        Assert.Equal(ExitCodes.TargetFailed, run.ExitCode);
        Assert.Contains("Test │ crashing broke: the test host crashed", run.Lines);
        Assert.Contains("Test │ passing: 2 passed, 0 failed, 1 skipped", run.Lines);
        Assert.Contains("Test │ 2 passed, 1 failed, 1 skipped", run.Lines);
        Assert.Contains("1 test failed: crashing (broke)", run.Output, StringComparison.Ordinal);
    }

    [Fact]
    public void The_results_artifact_is_kept_as_long_as_the_target_says_and_by_default_as_CI_keeps_artifacts()
    {
        using var root = new TempRoot();
        var environment = new PipelineEnvironment(root.Path, new Dictionary<string, string>(), TextWriter.Null, TextWriter.Null, 1, false);

        var targets = TestPipeline.With(new GoTests(".")).Add<KeptTwoWeeks>().BuildGraph(environment).Targets;

        Assert.Equal([TestResultFiles.Artifact with { RetentionDays = 14 }], targets.Single(t => t.Name == "KeptTwoWeeks").Produces);
        Assert.Equal([TestResultFiles.Artifact], targets.Single(t => t.Name == "Test").Produces);
    }

    [Fact]
    public async Task DotNetTests_with_no_build_and_a_configuration_tests_what_was_built_in_that_configuration_and_builds_nothing()
    {
        Requirements.Tool("dotnet");
        using var root = new TempRoot();
        ToolProjects.DotNetSolution(root, "dotnet", withFailingTest: false);

        // Nothing was built: with --no-build there is nothing to test, so the suite breaks rather than building.
        var run = await TestPipeline.With(new DotNetTests("dotnet/Calc.Tests/Calc.Tests.csproj", "Release", noBuild: true)).RunAsync(root, ["Test"]);

        Assert.Equal(ExitCodes.TargetFailed, run.ExitCode);
        Assert.Contains(run.Lines, l => l.StartsWith("Test │ > dotnet test ", StringComparison.Ordinal) && l.EndsWith(" --configuration Release --no-build", StringComparison.Ordinal));
        Assert.Contains("1 test failed: dotnet dotnet/Calc.Tests/Calc.Tests.csproj (broke)", run.Output, StringComparison.Ordinal);
        Assert.False(Directory.Exists(root.Path / "dotnet" / "Calc.Tests" / "bin"));
    }

    private sealed class FakeSuite(string name, TestSummary? summary) : ITestSuite
    {
        public string Name => name;

        public Toolchain Toolchain => Toolchain.DotNet;

        public Task<TestSummary> RunAsync(TargetContext context) =>
            summary is null ? throw new InvalidOperationException("the test host crashed") : Task.FromResult(summary);
    }
}
