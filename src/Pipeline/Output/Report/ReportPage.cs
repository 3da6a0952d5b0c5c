using System.Globalization;
using System.Text;
using Pipeline.Execution;

namespace Pipeline.Output.Report;

/// <summary>What the page says about the run besides its targets: when it started and, in CI, which commit it built.</summary>
internal sealed record ReportFacts(DateTimeOffset StartedUtc, GitHubRun GitHub);

/// <summary>
/// The run's report as one self-contained HTML page: the outcome, the timeline with its critical
/// path, each target's status and reason, then the sections targets added. No script, no external
/// file; every value goes through <see cref="Html.Text"/> (masked, then encoded).
/// </summary>
internal sealed class ReportPage(RunReport report, IReadOnlyList<PublishedSection> sections, ReportFacts facts, Func<string, string> mask)
{
    private readonly StringBuilder _html = new();

    public static string Render(RunReport report, IReadOnlyList<PublishedSection> sections, ReportFacts facts, Func<string, string> mask) =>
        new ReportPage(report, sections, facts, mask).Render();

    private string Render()
    {
        var outcome = report.Canceled ? "canceled" : report.Succeeded ? "succeeded" : "failed";
        Line("<!DOCTYPE html>");
        Line("<html lang=\"en\"><head><meta charset=\"utf-8\">");
        Line("<meta name=\"viewport\" content=\"width=device-width, initial-scale=1\">");
        Line($"<title>Pipeline run {outcome}: {T(string.Join(", ", report.Plan.Requested))}</title>");
        Line($"<style>{ReportStyle.Css}</style></head>");
        Line($"<body data-outcome=\"{outcome}\">");
        Line($"<h1>Pipeline run <span class=\"outcome-{outcome}\">{outcome}</span> in {T(Durations.Format(report.Duration))}</h1>");
        Line($"<p class=\"meta\">{T(Meta())}</p>");
        TimelineBlock();
        Targets();
        foreach (var section in sections)
        {
            Section(section);
        }

        Line("<footer>Written by Pipeline at the end of the run. Secrets are masked as in the log.</footer>");
        Line("</body></html>");
        return _html.ToString();
    }

    private string Meta()
    {
        var parts = new List<string>
        {
            "Targets " + string.Join(", ", report.Plan.Requested.DefaultIfEmpty("(default)")),
            "started " + facts.StartedUtc.ToString("yyyy-MM-dd HH:mm:ss 'UTC'", CultureInfo.InvariantCulture),
        };
        var gitHub = facts.GitHub;
        if (gitHub.IsActions)
        {
            parts.Add($"{gitHub.Repository} {gitHub.Branch ?? gitHub.Ref} {gitHub.Sha?[..Math.Min(12, gitHub.Sha.Length)]}".Trim());
            parts.Add($"workflow {gitHub.Workflow}, job {gitHub.Job}, run {gitHub.RunId}");
        }

        return string.Join(" · ", parts);
    }

    private void TimelineBlock()
    {
        var timeline = Timeline.Of(report);
        Line("<h2>Timeline</h2>");
        if (timeline.Bars.Count == 0)
        {
            Line("<p class=\"meta\">No target ran.</p>");
            return;
        }

        Line("<div class=\"timeline\" id=\"timeline\">");
        Line("<div class=\"axis\"><span></span><div class=\"ticks\">");
        foreach (var tick in Ticks(timeline.Span))
        {
            Line($"<span class=\"tick\" style=\"left:{Percent(timeline.Fraction(tick))}\">{T(Durations.Format(tick))}</span>");
        }

        Line("</div><span></span></div>");
        foreach (var bar in timeline.Bars)
        {
            var result = report[bar.Name];
            var kind = bar.Cell is null ? Kind(result) : KindOf(result.Cells.First(c => c.Cell == bar.Cell).Status, result.IsWarning);
            var critical = bar.Critical ? " critical" : "";
            var width = Math.Max(timeline.Fraction(bar.End) - timeline.Fraction(bar.Start), 0);
            var name = bar.Cell is null ? bar.Name : $"{bar.Name} [{bar.Cell}]";
            var title = $"{name}: {kind}, {Durations.Format(bar.Start)} → {Durations.Format(bar.End)}{(bar.Critical ? " (critical path)" : "")}";
            var cell = bar.Cell is null ? "" : $" data-cell=\"{T(bar.Cell)}\"";
            Line(
                $"<div class=\"row\" data-target=\"{T(bar.Name)}\"{cell} data-start-ms=\"{Ms(bar.Start)}\" data-end-ms=\"{Ms(bar.End)}\" data-critical=\"{(bar.Critical ? "true" : "false")}\">" +
                $"<span class=\"name\">{T(name)}</span>" +
                $"<div class=\"track\"><div class=\"bar {kind}{critical}\" style=\"left:{Percent(timeline.Fraction(bar.Start))};width:{Percent(width)}\" title=\"{T(title)}\"></div></div>" +
                $"<span class=\"when\">{T(Durations.Format(bar.Duration))}</span></div>");
        }

        Line("</div>");
        var total = timeline.CriticalPath.Aggregate(TimeSpan.Zero, (sum, name) => sum + report[name].Duration);
        var waiting = timeline.Waiting > TimeSpan.FromMilliseconds(500) ? $", and {Durations.Format(timeline.Waiting)} waiting between them" : "";
        Line(
            $"<p class=\"legend\" id=\"critical-path\"><span class=\"swatch\"></span>Critical path ({T(Durations.Format(total))}{T(waiting)}): {T(string.Join(" → ", timeline.CriticalPath))}" +
            " <span class=\"note\">— the chain of dependencies whose measured durations add up to the most</span></p>");
    }

    private void Targets()
    {
        Line("<h2>Targets</h2>");
        Line("<table id=\"targets\"><thead><tr><th>Target</th><th>Status</th><th>Duration</th><th>Why</th></tr></thead><tbody>");
        foreach (var result in report.Results)
        {
            var kind = Kind(result);
            var duration = result.StartedAt is null ? "" : Durations.Format(result.Duration);
            var attempts = result.Attempts > 1 ? $" (attempt {result.Attempts})" : "";
            Line(
                $"<tr data-target=\"{T(result.Name)}\" data-status=\"{kind}\"><td>{T(result.Name)}</td>" +
                $"<td class=\"status {kind}\">{T(kind.Replace('-', ' ') + attempts)}</td>" +
                $"<td class=\"duration\">{T(duration)}</td><td class=\"reason\">{T(Why(result))}</td></tr>");
        }

        Line("</tbody></table>");
    }

    private void Section(PublishedSection published)
    {
        var section = published.Section;
        var from = published.Cell is null ? published.Target : $"{published.Target} [{published.Cell}]";
        Line($"<section class=\"contribution\" data-title=\"{T(section.Title)}\" data-target=\"{T(published.Target)}\">");
        Line($"<h2>{T(section.Title)}</h2>");
        Line($"<p class=\"from\">from {T(from)}</p>");
        Line($"<p class=\"headline tone-{section.Tone.ToString().ToLowerInvariant()}\">{T(section.Headline)}</p>");
        if (section.Columns.Count > 0 || section.Rows.Count > 0)
        {
            Line("<table><thead><tr>" + string.Concat(section.Columns.Select(c => $"<th>{T(c)}</th>")) + "</tr></thead><tbody>");
            foreach (var row in section.Rows)
            {
                Line("<tr>" + string.Concat(row.Select(cell => $"<td>{T(cell)}</td>")) + "</tr>");
            }

            Line("</tbody></table>");
        }

        Line("</section>");
    }

    /// <summary>A failure by its error line (the whole error is in the log); any other status by its reason.</summary>
    private static string Why(TargetResult result) => result.Status switch
    {
        TargetStatus.Failed => result.Detail?.Split('\n', 2)[0].TrimEnd('\r') ?? "",
        TargetStatus.Succeeded when result.Reason is { } changed => "ran: " + changed, // which declared input made it run
        _ => result.Reason ?? "",
    };

    private static string Kind(TargetResult result) => KindOf(result.Status, result.IsWarning);

    private static string KindOf(TargetStatus status, bool warningOnly) => status switch
    {
        TargetStatus.Failed when warningOnly => "warning",
        TargetStatus.UpToDate => "up-to-date",
        _ => status.ToString().ToLowerInvariant(),
    };

    /// <summary>Between four and eight round marks: 0, 10 s, 20 s… or 0, 1:00, 2:00…</summary>
    private static IEnumerable<TimeSpan> Ticks(TimeSpan span)
    {
        double[] steps = [0.1, 0.2, 0.5, 1, 2, 5, 10, 15, 30, 60, 120, 300, 600, 900, 1800, 3600];
        var step = TimeSpan.FromSeconds(steps.FirstOrDefault(s => span.TotalSeconds / s <= 8, 7200));
        for (var at = TimeSpan.Zero; at <= span; at += step)
        {
            yield return at;
        }
    }

    private static string Percent(double fraction) => (fraction * 100).ToString("0.###", CultureInfo.InvariantCulture) + "%";

    private static string Ms(TimeSpan at) => ((long)at.TotalMilliseconds).ToString(CultureInfo.InvariantCulture);

    private string T(string? text) => Html.Text(text, mask);

    private void Line(string line) => _html.Append(line).Append('\n');
}
