namespace Pipeline;

/// <summary>A section as the run collected it: which target (and matrix cell) added it.</summary>
internal sealed record PublishedSection(string Target, MatrixCell? Cell, ReportSection Section);

/// <summary>
/// The sections the targets of one run added, in the order they came. Targets run side by side,
/// so adding is thread-safe; the report reads them once the run has ended.
/// </summary>
internal sealed class ReportSections
{
    private readonly List<PublishedSection> _sections = [];
    private readonly Lock _lock = new();

    public void Add(string target, MatrixCell? cell, ReportSection section)
    {
        ArgumentNullException.ThrowIfNull(section);
        lock (_lock)
        {
            _sections.Add(new PublishedSection(target, cell, section));
        }
    }

    public IReadOnlyList<PublishedSection> All
    {
        get
        {
            lock (_lock)
            {
                return [.. _sections];
            }
        }
    }
}
