using Pipeline.Components.Coverage;
using Pipeline.Components.Tests.Support;

namespace Pipeline.Components.Tests.Coverage;

/// <summary>
/// The Go module of <see cref="ToolProjects.GoModule"/> covers 3 of 7 lines: Add's body and the
/// negative branch of Sign (calc: 3 of 6), nothing of util (0 of 1).
/// </summary>
public sealed class GoCoverageSpecs
{
    [Fact]
    public async Task Coverage_below_the_threshold_fails_with_both_numbers_and_still_writes_the_report()
    {
        Requirements.Tool("go");
        using var root = new TempRoot();
        ToolProjects.GoModule(root, "services/calc", withFailingTest: false);
        CoveragePipeline.AddToolManifest(root);

        var run = await CoveragePipeline.With(new Percentage(50), new GoCoverage("services/calc")).RunAsync(root, ["Coverage"], gitHubActions: true);

        Assert.Equal(1, run.ExitCode);
        Assert.Contains("| Coverage | ❌ failed: line coverage 42.8% is below the threshold 50% |", run.StepSummary, StringComparison.Ordinal);
        // Workflow commands escape '%'.
        Assert.Contains("::error title=Target Coverage failed::line coverage 42.8%25 is below the threshold 50%25", run.Lines);
        Assert.Contains("### ❌ Line coverage 42.8% (threshold 50%)", run.StepSummary, StringComparison.Ordinal);
        Assert.True(File.Exists(root.Path / "artifacts" / "coverage" / "index.html"), run.Output);
    }

    [Fact]
    public async Task Coverage_above_the_threshold_passes_with_a_table_per_package_and_an_html_report()
    {
        Requirements.Tool("go");
        using var root = new TempRoot();
        ToolProjects.GoModule(root, "calc", withFailingTest: false);
        CoveragePipeline.AddToolManifest(root);

        var run = await CoveragePipeline.With(new Percentage(15), new GoCoverage("calc")).RunAsync(root, ["Coverage"], gitHubActions: true);

        Assert.True(run.ExitCode == 0, run.Output);
        Assert.Contains("Package                Lines  Coverage", run.Lines);
        Assert.Contains("example.com/calc/calc    3/6       50%", run.Lines);
        Assert.Contains("example.com/calc/util    0/1        0%", run.Lines);
        Assert.Contains("Total                    3/7     42.8%", run.Lines);
        var index = File.ReadAllText(root.Path / "artifacts" / "coverage" / "index.html");
        Assert.Contains("example.com/calc/util", index, StringComparison.Ordinal);
        var merged = CoberturaReport.Read(root.Path / "artifacts" / "coverage" / "Cobertura.xml");
        Assert.Equal((3, 7), (merged.CoveredLines, merged.ValidLines));
    }
}
