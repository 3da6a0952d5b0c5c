using System.Globalization;
using System.Text.RegularExpressions;
using Pipeline.Components.Testing;
using Pipeline.Components.Tests.Support;

namespace Pipeline.Components.Tests.Reporting;

/// <summary>The run report as a real browser shows it: Debian's chromium, headless, reads the file the run wrote.</summary>
public sealed partial class ReportInBrowserSpecs
{
    private const string FailedTest = "Tickets.Tests.Refund_is_capped_at_the_price";

    private static PipelineBuilder Pipeline() => new PipelineBuilder()
        .Provide(new ReportSuites(
            new CannedSuite("Tickets.Tests", new TestSummary(41, 1, 2, [FailedTest], [])
            {
                Messages = new Dictionary<string, string> { [FailedTest] = "Assert.Equal() Failure: Expected: 100, Actual: 120" },
            }),
            new CannedSuite("Events.Tests", new TestSummary(17, 0, 0, [], []))))
        .Add<Compile>()
        .Add<Lint>()
        .Add<UnitTests>()
        .Add<Package>();

    [Fact]
    public async Task The_browser_shows_each_target_its_status_the_failure_the_test_totals_and_side_by_side_bars()
    {
        Chromium.Require();
        using var root = new TempRoot();

        var run = await Pipeline().RunAsync(root, ["Package"]);

        Assert.Equal(ExitCodes.TargetFailed, run.ExitCode);
        var dom = await Chromium.DumpDomAsync(root.Path / "artifacts" / "report" / "index.html", root);
        Assert.Contains("data-outcome=\"failed\"", dom);
        Assert.Equal("succeeded", StatusOf(dom, "Compile"));
        Assert.Equal("succeeded", StatusOf(dom, "Lint"));
        Assert.Equal("failed", StatusOf(dom, "UnitTests"));
        Assert.Equal("skipped", StatusOf(dom, "Package"));
        Assert.Contains("1 test failed: " + FailedTest, dom);          // the failure's error line
        Assert.Contains("dependency UnitTests failed", dom);           // why Package was skipped
        Assert.Contains("58 passed, 1 failed, 2 skipped", dom);        // the test totals
        Assert.Contains("Expected: 100, Actual: 120", dom);            // the failed test's message
        Assert.Contains("IDE0060 Remove unused parameter &lt;ctx&gt;", dom); // a section of the pipeline's own, encoded

        var compile = BarOf(dom, "Compile");
        var lint = BarOf(dom, "Lint");
        Assert.True(compile.Start < lint.End && lint.Start < compile.End, $"Compile {compile} and Lint {lint} should overlap");
        Assert.True(BarOf(dom, "UnitTests").Start >= compile.End, "UnitTests waited for Compile");
        Assert.Matches("Critical path \\([^)]*\\): Compile → UnitTests", dom);
    }

    [Fact]
    public async Task Its_screenshot_is_a_picture_of_the_page()
    {
        Chromium.Require();
        using var root = new TempRoot();
        await Pipeline().RunAsync(root, ["Package"]);

        var png = root.Path / "report.png";
        await Chromium.ScreenshotAsync(root.Path / "artifacts" / "report" / "index.html", png, root);

        var bytes = await File.ReadAllBytesAsync(png, TestContext.Current.CancellationToken);
        Assert.True(bytes.Length > 10_000, $"a screenshot of {bytes.Length} bytes is no picture of the report");
        Assert.Equal([0x89, (byte)'P', (byte)'N', (byte)'G'], bytes[..4]);
    }

    private static string StatusOf(string dom, string target) =>
        Regex.Match(dom, $"<tr data-target=\"{target}\" data-status=\"([a-z-]+)\"") is { Success: true } m
            ? m.Groups[1].Value
            : throw new InvalidOperationException($"no row for {target} in the targets table");

    private static (int Start, int End) BarOf(string dom, string target) =>
        Regex.Match(dom, $"data-target=\"{target}\" data-start-ms=\"(\\d+)\" data-end-ms=\"(\\d+)\"") is { Success: true } m
            ? (int.Parse(m.Groups[1].Value, CultureInfo.InvariantCulture), int.Parse(m.Groups[2].Value, CultureInfo.InvariantCulture))
            : throw new InvalidOperationException($"no bar for {target} on the timeline");
}
