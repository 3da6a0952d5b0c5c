using Pipeline.Execution;

namespace Pipeline.Output;

/// <summary>The end-of-run table: target, status with its reason, duration, and the total.</summary>
internal static class SummaryRenderer
{
    private const int MaxReasonLength = 120;

    public static IEnumerable<string> Text(RunReport report)
    {
        var rows = report.Results
            .Select(r => (IReadOnlyList<string>)[r.Name, DurationCell(r), StatusText(r)])
            .Append(["Total", Durations.Format(report.Duration), Outcome(report)])
            .ToList();
        return TextTable.Render(["Target", "Duration", "Status"], rows);
    }

    public static IEnumerable<string> Markdown(RunReport report)
    {
        yield return $"### Pipeline: {Outcome(report)} in {Durations.Format(report.Duration)}";
        yield return "";
        yield return "| Target | Status | Duration |";
        yield return "| --- | --- | ---: |";
        foreach (var r in report.Results)
        {
            yield return $"| {r.Name} | {(r.IsWarning ? "⚠️" : Icon(r.Status))} {EscapeCell(StatusText(r, shortened: false))} | {DurationCell(r)} |";
        }
    }

    /// <param name="shortened">A console table stays readable with long reasons cut; a Markdown page wraps them.</param>
    public static string StatusText(TargetResult r, bool shortened = true) => r.Status switch
    {
        TargetStatus.Succeeded when r.Attempts > 1 => $"succeeded (attempt {r.Attempts})" + RanBecause(r, shortened),
        TargetStatus.Succeeded => "succeeded" + RanBecause(r, shortened),
        TargetStatus.UpToDate => "up to date: " + Shortened(r.Reason, shortened),
        TargetStatus.Failed when r.WarningOnly => "warning (failed, warning only): " + Shortened(r.Reason, shortened),
        TargetStatus.Failed => "failed: " + Shortened(r.Reason, shortened),
        TargetStatus.Skipped => "skipped: " + Shortened(r.Reason, shortened),
        TargetStatus.Canceled => "canceled",
        _ => r.Status.ToString(),
    };

    /// <summary>A target with declared inputs says which one made it run.</summary>
    private static string RanBecause(TargetResult r, bool shortened) => r.Reason is null ? "" : "; ran: " + Shortened(r.Reason, shortened);

    // A table row stays readable: the whole reason is in the target's log just above.
    private static string Shortened(string? reason, bool shortened) =>
        shortened && reason is { Length: > MaxReasonLength } ? reason[..(MaxReasonLength - 1)] + "…" : reason ?? "";

    private static string Outcome(RunReport report) =>
        report.Canceled ? "canceled" : report.Succeeded ? "succeeded" : "failed";

    private static string DurationCell(TargetResult r) => r.Status == TargetStatus.Skipped ? "" : Durations.Format(r.Duration);

    private static string Icon(TargetStatus status) => status switch
    {
        TargetStatus.Succeeded => "✅",
        TargetStatus.Failed => "❌",
        TargetStatus.Canceled => "⛔",
        TargetStatus.UpToDate => "♻️",
        _ => "⏭️",
    };

    private static string EscapeCell(string text) => text.Replace("|", "\\|", StringComparison.Ordinal);
}
