using Pipeline.Components.Coverage;
using Pipeline.Components.Testing;
using Pipeline.Components.Tests.Coverage;
using Pipeline.Components.Tests.Support;

namespace Pipeline.Components.Tests.Testing;

/// <summary>One project built twice (with and without its failing test): .NET builds are the slow part.</summary>
public sealed class DotNetSpecs
{
    private const string Project = "dotnet/Calc.Tests/Calc.Tests.csproj";

    [Fact]
    public async Task A_failing_xunit_test_fails_Test_by_name_then_coverage_merges_dotnet_and_go()
    {
        Requirements.Tool("dotnet");
        Requirements.Tool("go");
        using var root = new TempRoot();
        ToolProjects.DotNetSolution(root, "dotnet", withFailingTest: true);

        var test = await TestPipeline.With(new DotNetTests(Project)).RunAsync(root, ["Test"], gitHubActions: true);

        Assert.Equal(1, test.ExitCode);
        Assert.Contains("::error title=Test::failed: Calc.Tests.CalculatorSpecs.Subtracts", test.Lines);
        Assert.Contains("1 passed, 1 failed, 1 skipped", test.Lines);
        Assert.Contains("| Test | ❌ failed: 1 test failed: Calc.Tests.CalculatorSpecs.Subtracts |", test.StepSummary, StringComparison.Ordinal);
        Assert.NotEmpty(Directory.GetFiles(root.Path / "artifacts" / "test-results" / "dotnet-dotnet-Calc-Tests-Calc-Tests-csproj", "*.trx"));

        ToolProjects.DotNetSolution(root, "dotnet", withFailingTest: false);
        ToolProjects.GoModule(root, "go", withFailingTest: false);
        CoveragePipeline.AddToolManifest(root);
        var coverage = await CoveragePipeline.With(new Percentage(85), new DotNetCoverage(Project), new GoCoverage("go")).RunAsync(root, ["Coverage"], gitHubActions: true);

        Assert.Equal(1, coverage.ExitCode);
        Assert.Contains(coverage.Lines, l => l.StartsWith("Calc ", StringComparison.Ordinal)); // the assembly under test, from coverlet
        Assert.Contains(coverage.Lines, l => l.StartsWith("example.com/calc/calc ", StringComparison.Ordinal));
        Assert.Contains(coverage.Lines, l => l.StartsWith("::error title=Target Coverage failed::line coverage ", StringComparison.Ordinal) && l.EndsWith(" is below the threshold 85%25", StringComparison.Ordinal));
        Assert.True(File.Exists(root.Path / "artifacts" / "coverage" / "index.html"));
    }
}
