namespace Pipeline.Components.Coverage;

/// <summary>Line coverage as a text table for the log and as Markdown for the run's page and the pull request.</summary>
internal static class CoverageTable
{
    /// <summary>The hidden marker that finds the coverage comment again on a pull request.</summary>
    public const string CommentMarker = "<!-- pipeline:coverage -->";

    /// <summary>A row per package, then the total; columns padded.</summary>
    public static IEnumerable<string> Text(LineCoverage coverage)
    {
        List<string[]> rows =
        [
            ["Package", "Lines", "Coverage"],
            .. coverage.Packages.Select(p => new[] { p.Name, $"{p.CoveredLines}/{p.ValidLines}", p.LineRate.ToString() }),
            ["Total", $"{coverage.CoveredLines}/{coverage.ValidLines}", coverage.LineRate.ToString()],
        ];
        var widths = Enumerable.Range(0, 3).Select(i => rows.Max(r => r[i].Length)).ToArray();
        return rows.Select(r => $"{r[0].PadRight(widths[0])}  {r[1].PadLeft(widths[1])}  {r[2].PadLeft(widths[2])}");
    }

    /// <summary>A heading with the total against the threshold, then a row per package.</summary>
    public static IEnumerable<string> Markdown(LineCoverage coverage, Percentage threshold)
    {
        var met = coverage.LineRate >= threshold;
        yield return $"### {(met ? "✅" : "❌")} Line coverage {coverage.LineRate} (threshold {threshold})";
        yield return "";
        yield return $"{coverage.CoveredLines} of {coverage.ValidLines} lines covered.";
        yield return "";
        yield return "| Package | Lines | Coverage |";
        yield return "| --- | ---: | ---: |";
        foreach (var package in coverage.Packages)
        {
            yield return $"| {package.Name.Replace("|", "\\|", StringComparison.Ordinal)} | {package.CoveredLines}/{package.ValidLines} | {package.LineRate} |";
        }

        yield return $"| **Total** | **{coverage.CoveredLines}/{coverage.ValidLines}** | **{coverage.LineRate}** |";
    }

    /// <summary>The pull-request comment: the marker, then the Markdown table.</summary>
    public static string Comment(LineCoverage coverage, Percentage threshold) =>
        string.Join('\n', Markdown(coverage, threshold).Prepend(CommentMarker));
}
