namespace Pipeline.Components.Coverage;

/// <summary>Line coverage in the run report: the total against the threshold, then a row per package.</summary>
internal static class CoverageReportSection
{
    public static ReportSection Of(LineCoverage coverage, Percentage threshold) =>
        new ReportSection(
            "Coverage",
            $"line coverage {coverage.LineRate} (threshold {threshold}): {coverage.CoveredLines} of {coverage.ValidLines} lines covered")
        {
            Tone = coverage.LineRate >= threshold ? ReportTone.Good : ReportTone.Bad,
        }
        .WithTable(
            ["Package", "Lines", "Coverage"],
            [.. coverage.Packages.Select(p => (IReadOnlyList<string>)[p.Name, $"{p.CoveredLines}/{p.ValidLines}", p.LineRate.ToString()]),
             ["Total", $"{coverage.CoveredLines}/{coverage.ValidLines}", coverage.LineRate.ToString()]]);
}
