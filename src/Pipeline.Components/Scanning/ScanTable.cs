namespace Pipeline.Components.Scanning;

/// <summary>A scan's findings as text for the log and as Markdown for the CI run's page.</summary>
internal static class ScanTable
{
    /// <summary>Rows of the blocking table, at most; the rest are counted.</summary>
    public const int ListedFindings = 50;

    private static readonly Severity[] MostSevereFirst = [Severity.Critical, Severity.High, Severity.Medium, Severity.Low, Severity.Unknown];

    /// <summary>A count per severity, then each finding at or above the threshold.</summary>
    public static IEnumerable<string> Text(VulnerabilityCounts counts, IReadOnlyList<Vulnerability> reported)
    {
        foreach (var severity in MostSevereFirst)
        {
            yield return $"{Name(severity),-8}  {counts[severity],5}";
        }

        var rows = reported.Take(ListedFindings).Select(f => new[] { f.Id, f.Package, Versions(f), Name(f.Severity), f.Title }).ToList();
        var widths = Enumerable.Range(0, 4).Select(i => rows.Select(r => r[i].Length).DefaultIfEmpty(0).Max()).ToArray();
        foreach (var row in rows)
        {
            yield return "  " + string.Join("  ", row.Take(4).Select((cell, i) => cell.PadRight(widths[i]))) + "  " + row[4];
        }

        if (reported.Count > ListedFindings)
        {
            yield return $"  … and {reported.Count - ListedFindings} more";
        }
    }

    /// <summary>A heading with the verdict, the counts, then the findings at or above the threshold.</summary>
    public static IEnumerable<string> Markdown(
        ScanSubject subject, VulnerabilityCounts counts, IReadOnlyList<Vulnerability> reported, Severity threshold, ScanPolicy policy)
    {
        var icon = reported.Count == 0 ? "✅" : policy == ScanPolicy.Blocking ? "❌" : "⚠️";
        var mode = policy == ScanPolicy.Blocking ? "blocking" : "warning only";
        yield return $"### {icon} Vulnerability scan of {subject}: {reported.Count} at or above {Name(threshold)} ({mode})";
        yield return "";
        yield return "| Severity | Count |";
        yield return "| --- | ---: |";
        foreach (var severity in MostSevereFirst)
        {
            yield return $"| {Name(severity)} | {counts[severity]} |";
        }

        if (reported.Count == 0)
        {
            yield break;
        }

        yield return "";
        yield return "| Vulnerability | Package | Installed | Fixed | Severity | Title |";
        yield return "| --- | --- | --- | --- | --- | --- |";
        foreach (var f in reported.Take(ListedFindings))
        {
            yield return $"| {Cell(f.Id)} | {Cell(f.Package)} | {Cell(f.InstalledVersion)} | {Cell(f.FixedVersion ?? "")} | {Name(f.Severity)} | {Cell(f.Title)} |";
        }

        if (reported.Count > ListedFindings)
        {
            yield return "";
            yield return $"… and {reported.Count - ListedFindings} more in the report.";
        }
    }

    /// <summary>The scan in the run report: the verdict with the counts, then the findings at or above the threshold.</summary>
    public static ReportSection Section(
        ScanSubject subject, VulnerabilityCounts counts, IReadOnlyList<Vulnerability> reported, Severity threshold, ScanPolicy policy)
    {
        var mode = policy == ScanPolicy.Blocking ? "blocking" : "warning only";
        var tone = reported.Count == 0 ? ReportTone.Good : policy == ScanPolicy.Blocking ? ReportTone.Bad : ReportTone.Warning;
        var more = reported.Count > ListedFindings ? $"; the first {ListedFindings} listed" : "";
        return new ReportSection(
            $"Vulnerability scan of {subject}",
            $"{reported.Count} at or above {Name(threshold)} ({mode}); " + string.Join(", ", MostSevereFirst.Select(s => $"{Name(s)} {counts[s]}")) + more)
        {
            Tone = tone,
        }
        .WithTable(
            ["Vulnerability", "Package", "Installed", "Fixed", "Severity", "Title"],
            reported.Take(ListedFindings).Select(f => (IReadOnlyList<string>)[f.Id, f.Package, f.InstalledVersion, f.FixedVersion ?? "", Name(f.Severity), f.Title]));
    }

    public static string Name(Severity severity) => severity.ToString().ToUpperInvariant();

    private static string Versions(Vulnerability f) => f.FixedVersion is { Length: > 0 } fixedIn ? $"{f.InstalledVersion} → {fixedIn}" : $"{f.InstalledVersion} (no fix)";

    private static string Cell(string text) => text.Replace("|", "\\|", StringComparison.Ordinal).ReplaceLineEndings(" ");
}
