using Pipeline.Execution;

namespace Pipeline.Output.Report;

/// <summary>A target as the timeline sees it: when it started (null: it never ran), how long, what it waited for, and its matrix cells' own times.</summary>
internal sealed record TimedTarget(string Name, TimeSpan? Start, TimeSpan Duration, IReadOnlyList<string> Follows)
{
    public IReadOnlyList<CellTiming> Cells { get; init; } = [];
}

/// <summary>
/// One bar on the time axis: a target, or one cell of a matrix target (<see cref="Cell"/> set), so
/// cells that waited for a free slot show where they really ran. <see cref="Critical"/> when its
/// target lies on the critical path.
/// </summary>
internal sealed record TimelineBar(string Name, TimeSpan Start, TimeSpan Duration, bool Critical, string? Cell = null)
{
    public TimeSpan End => Start + Duration;
}

/// <summary>
/// The targets that ran as bars on one time axis, so what ran side by side shows, and the critical
/// path: the chain of targets, each waiting for the one before it, whose measured durations add up
/// to the most. Shortening anything off that chain does not make the run shorter.
/// </summary>
internal sealed record Timeline(IReadOnlyList<TimelineBar> Bars, IReadOnlyList<string> CriticalPath, TimeSpan Span)
{
    /// <summary>
    /// Time on the critical path spent not running: a target that started after the one before it
    /// on the path had ended waited for a free slot (or for a dependency off the path).
    /// </summary>
    public TimeSpan Waiting { get; init; }

    /// <param name="targets">In plan order (every target after those it follows).</param>
    public static Timeline Of(IReadOnlyList<TimedTarget> targets)
    {
        ArgumentNullException.ThrowIfNull(targets);
        var path = CriticalPathOf(targets);
        var critical = path.ToHashSet(StringComparer.Ordinal);
        var bars = targets
            .Where(t => t.Start is not null)
            .SelectMany(t => BarsOf(t, critical.Contains(t.Name)))
            .ToList();
        var span = bars.Count == 0 ? TimeSpan.Zero : bars.Max(b => b.End);
        var byName = targets.ToDictionary(t => t.Name, StringComparer.Ordinal);
        var waiting = path.Zip(path.Skip(1), (before, after) => byName[after].Start!.Value - EndOf(byName[before]))
            .Where(gap => gap > TimeSpan.Zero)
            .Aggregate(TimeSpan.Zero, (sum, gap) => sum + gap);
        return new Timeline(bars, path, span) { Waiting = waiting };
    }

    /// <summary>The bars of a finished run: a target that never started has none.</summary>
    public static Timeline Of(RunReport report)
    {
        ArgumentNullException.ThrowIfNull(report);
        return Of([.. report.Plan.Targets.Select(planned =>
        {
            var result = report.Results.FirstOrDefault(r => r.Name == planned.Name);
            return new TimedTarget(planned.Name, result?.StartedAt, result?.Duration ?? TimeSpan.Zero, planned.Follows) { Cells = result?.Cells ?? [] };
        })]);
    }

    private static IEnumerable<TimelineBar> BarsOf(TimedTarget target, bool critical) => target.Cells.Count == 0
        ? [new TimelineBar(target.Name, target.Start!.Value, target.Duration, critical)]
        : target.Cells.Select(cell => new TimelineBar(target.Name, target.Start!.Value + cell.Offset, cell.Duration, critical, cell.Cell));

    /// <summary>Where <paramref name="at"/> falls on the axis, from 0 (the run's start) to 1 (the last end).</summary>
    public double Fraction(TimeSpan at) => Span <= TimeSpan.Zero ? 0 : Math.Clamp(at / Span, 0, 1);

    // The longest path through the graph, weighing each target by its measured duration. A target
    // that did not run weighs nothing but still joins what it follows to what follows it.
    private static List<string> CriticalPathOf(IReadOnlyList<TimedTarget> targets)
    {
        var byName = targets.ToDictionary(t => t.Name, StringComparer.Ordinal);
        var longest = new Dictionary<string, TimeSpan>(StringComparer.Ordinal);
        var previous = new Dictionary<string, string?>(StringComparer.Ordinal);
        foreach (var target in targets)
        {
            var before = target.Follows
                .Where(longest.ContainsKey)
                .OrderByDescending(name => longest[name])
                .ThenByDescending(name => EndOf(byName[name]))
                .FirstOrDefault();
            previous[target.Name] = before;
            longest[target.Name] = (before is null ? TimeSpan.Zero : longest[before]) + (target.Start is null ? TimeSpan.Zero : target.Duration);
        }

        var last = targets
            .Where(t => t.Start is not null)
            .OrderByDescending(t => longest[t.Name])
            .ThenByDescending(EndOf)
            .FirstOrDefault();
        var path = new List<string>();
        for (var name = last?.Name; name is not null; name = previous[name])
        {
            if (byName[name].Start is not null)
            {
                path.Add(name);
            }
        }

        path.Reverse();
        return path;
    }

    private static TimeSpan EndOf(TimedTarget target) => (target.Start ?? TimeSpan.Zero) + target.Duration;
}
