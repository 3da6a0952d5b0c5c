namespace Pipeline.Components.Testing;

/// <summary>The tests' sections of the run report: the totals with a row per suite, then every failed test with what it said.</summary>
internal static class TestReportSections
{
    public static IEnumerable<ReportSection> Of(IReadOnlyList<(string Suite, TestSummary Summary)> results, TestSummary total)
    {
        yield return new ReportSection("Tests", total.ToString()) { Tone = total.Failed > 0 ? ReportTone.Bad : ReportTone.Good }
            .WithTable(
                ["Suite", "Passed", "Failed", "Skipped"],
                results.Select(r => (IReadOnlyList<string>)[r.Suite, Count(r.Summary.Passed), Count(r.Summary.Failed), Count(r.Summary.Skipped)]));
        if (total.FailedTests.Count > 0)
        {
            yield return new ReportSection("Failed tests", $"{total.Failed} {(total.Failed == 1 ? "test" : "tests")} failed") { Tone = ReportTone.Bad }
                .WithTable(["Test", "Message"], total.FailedTests.Select(name => (IReadOnlyList<string>)[name, total.Messages.GetValueOrDefault(name) ?? ""]));
        }
    }

    private static string Count(int count) => count.ToString(System.Globalization.CultureInfo.InvariantCulture);
}
