namespace Pipeline;

/// <summary>
/// A block a target adds to the run's HTML report (<c>artifacts/report/index.html</c>): a title, one
/// line that says the most (<c>120 passed, 2 failed</c>), and an optional table (the failed tests,
/// the findings, the deployed addresses). Components publish theirs through
/// <see cref="TargetContext.Report"/>; the report shows each beside the target that added it, with
/// secrets masked and every value encoded, so a section carries plain text only.
/// </summary>
public sealed record ReportSection(string Title, string Headline)
{
    /// <summary>How the headline is coloured: a failed gate red, a non-blocking finding amber.</summary>
    public ReportTone Tone { get; init; } = ReportTone.Neutral;

    public IReadOnlyList<string> Columns { get; init; } = [];

    /// <summary>One list of cells per row, in the order of <see cref="Columns"/>.</summary>
    public IReadOnlyList<IReadOnlyList<string>> Rows { get; init; } = [];

    /// <summary>The same section with a table.</summary>
    public ReportSection WithTable(IReadOnlyList<string> columns, IEnumerable<IReadOnlyList<string>> rows) =>
        this with { Columns = columns, Rows = [.. rows] };
}

/// <summary>What a section's headline says about the run, as a colour.</summary>
public enum ReportTone
{
    Neutral,
    Good,
    Warning,
    Bad,
}
