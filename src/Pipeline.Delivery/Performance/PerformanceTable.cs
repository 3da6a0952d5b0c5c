using System.Globalization;

namespace Pipeline.Delivery.Performance;

/// <summary>
/// The load test's tables: latencies by request (and of all together) and the thresholds against what
/// was measured, as lines for the log, Markdown for the step summary and a section for the run report.
/// </summary>
internal static class PerformanceTable
{
    private static readonly string[] RequestColumns = ["Request", "Requests", "Errors", "p50", "p95", "p99", "Max"];
    private static readonly string[] CheckColumns = ["Threshold", "Budget", "Measured", ""];

    /// <summary><c>200 requests in 2.3 s, 4 at a time: 87 requests/s</c>.</summary>
    public static string Totals(LoadResult result, LoadProfile profile) =>
        $"{LoadResult.Plural(result.Samples.Count, "request")} in {Durations.Seconds(result.Elapsed)}, {profile.Concurrency.ToString(CultureInfo.InvariantCulture)} at a time: {ThresholdCheck.Rate(result.Throughput)}";

    public static IEnumerable<string> Text(LoadResult result, IReadOnlyList<ThresholdCheck> checks) =>
        Aligned(RequestColumns, RequestRows(result), numeric: [1, 3, 4, 5, 6])
            .Concat(checks.Count == 0 ? [] : ["", .. Aligned(CheckColumns, checks.Select(CheckCells), numeric: [1, 2])]);

    public static IEnumerable<string> Markdown(Uri address, LoadResult result, LoadProfile profile, IReadOnlyList<ThresholdCheck> checks)
    {
        yield return $"### Performance of {address}";
        yield return "";
        yield return Totals(result, profile) + ".";
        yield return "";
        foreach (var line in MarkdownTable(RequestColumns, RequestRows(result), "| --- | ---: | --- | ---: | ---: | ---: | ---: |"))
        {
            yield return line;
        }

        if (checks.Count > 0)
        {
            yield return "";
            foreach (var line in MarkdownTable(CheckColumns, checks.Select(CheckCells), "| --- | ---: | ---: | --- |"))
            {
                yield return line;
            }
        }
    }

    public static ReportSection Section(Uri address, LoadResult result, LoadProfile profile, IReadOnlyList<ThresholdCheck> checks)
    {
        var breaches = checks.Where(c => c.Breached).ToList();
        var verdict = checks.Count == 0 ? "no thresholds set"
            : breaches.Count == 0 ? string.Join("; ", checks.Select(c => c.Line))
            : string.Join("; ", breaches.Select(c => c.Line));
        return new ReportSection($"Performance of {address}", $"{Totals(result, profile)}; {verdict}")
        {
            Tone = checks.Count == 0 ? ReportTone.Neutral : breaches.Count == 0 ? ReportTone.Good : ReportTone.Bad,
        }
        .WithTable(RequestColumns, RequestRows(result));
    }

    private static IEnumerable<string[]> RequestRows(LoadResult result)
    {
        var byRequest = result.ByRequest.ToList();
        foreach (var request in byRequest)
        {
            yield return Cells(request.Key.ToString(), [.. request]);
        }

        if (byRequest.Count > 1)
        {
            yield return Cells("all", result.Samples);
        }
    }

    private static string[] Cells(string name, IReadOnlyList<RequestSample> samples)
    {
        var latency = LatencyStatistics.Of(samples);
        var errors = samples.Count(s => s.IsError);
        return
        [
            name,
            samples.Count.ToString("N0", CultureInfo.InvariantCulture),
            errors == 0 ? "0" : $"{errors.ToString("N0", CultureInfo.InvariantCulture)} ({LoadResult.ErrorKinds(samples)})",
            Latency(latency?.P50),
            Latency(latency?.P95),
            Latency(latency?.P99),
            Latency(latency?.Max),
        ];
    }

    private static string[] CheckCells(ThresholdCheck check) => [check.Name, check.Budget, check.Measured, check.Breached ? "breached" : "ok"];

    private static string Latency(TimeSpan? value) => value is { } v ? Durations.Format(v) : "–";

    /// <summary>Columns padded to their widest cell: text left, numbers right.</summary>
    private static IEnumerable<string> Aligned(string[] columns, IEnumerable<string[]> rows, int[] numeric)
    {
        var cells = rows.Prepend(columns).ToList();
        var widths = Enumerable.Range(0, columns.Length).Select(c => cells.Max(r => r[c].Length)).ToArray();
        return cells.Select(r => string.Join("  ", r.Select((cell, c) => numeric.Contains(c) ? cell.PadLeft(widths[c]) : cell.PadRight(widths[c]))).TrimEnd());
    }

    private static IEnumerable<string> MarkdownTable(string[] columns, IEnumerable<string[]> rows, string alignment)
    {
        yield return "| " + string.Join(" | ", columns) + " |";
        yield return alignment;
        foreach (var row in rows)
        {
            yield return "| " + string.Join(" | ", row.Select(c => c.Replace("|", "\\|", StringComparison.Ordinal))) + " |";
        }
    }
}
