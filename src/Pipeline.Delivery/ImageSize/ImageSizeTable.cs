using System.Globalization;

namespace Pipeline.Delivery.ImageSize;

/// <summary>The size check's table: lines for the log, Markdown for the step summary, a section for the run report.</summary>
internal static class ImageSizeTable
{
    private static readonly string[] Columns = ["Image", "Size", "Budget", "Used", ""];

    public static IEnumerable<string> Text(IReadOnlyList<ImageSizeMeasurement> rows)
    {
        var cells = rows.Select(Cells).Prepend(Columns).ToList();
        var widths = Enumerable.Range(0, Columns.Length).Select(c => cells.Max(r => r[c].Length)).ToArray();
        return cells.Select(r => string.Join("  ", r.Select((cell, c) => c is 1 or 2 or 3 ? cell.PadLeft(widths[c]) : cell.PadRight(widths[c]))).TrimEnd());
    }

    public static IEnumerable<string> Markdown(IReadOnlyList<ImageSizeMeasurement> rows)
    {
        yield return "### Image sizes";
        yield return "";
        yield return "| Image | Size | Budget | Used | |";
        yield return "| --- | ---: | ---: | ---: | --- |";
        foreach (var row in rows)
        {
            yield return "| " + string.Join(" | ", Cells(row).Select(c => c.Replace("|", "\\|", StringComparison.Ordinal))) + " |";
        }
    }

    public static ReportSection Section(IReadOnlyList<ImageSizeMeasurement> rows)
    {
        var over = rows.Count(r => r.IsOverBudget);
        return new ReportSection("Image sizes", over == 0 ? $"{rows.Count} images within their budgets" : $"{over} of {rows.Count} images over budget")
        {
            Tone = over == 0 ? ReportTone.Good : ReportTone.Bad,
        }
        .WithTable(Columns, rows.Select(r => (IReadOnlyList<string>)Cells(r)));
    }

    private static string[] Cells(ImageSizeMeasurement row) =>
    [
        row.Image,
        row.Size.ToString(),
        row.Limit?.ToString() ?? "none",
        row.PercentOfBudget is { } percent ? percent.ToString("0", CultureInfo.InvariantCulture) + " %" : "",
        row.Limit is null ? "no budget" : row.IsOverBudget ? "over budget" : "ok",
    ];
}
