using Pipeline.Planning;

namespace Pipeline.Output;

/// <summary>A plan as text (<c>--plan</c>) and as a Mermaid graph (<c>--plan mermaid</c>, GitHub summaries).</summary>
internal static class PlanRenderer
{
    public static IEnumerable<string> Text(Plan plan, int maxParallel)
    {
        var toRun = plan.ToRun.Count();
        yield return $"Plan for {string.Join(", ", plan.Requested)}: {toRun} of {plan.Targets.Count} targets run, " +
            $"up to {maxParallel} side by side.";
        var rows = plan.Targets
            .Select(t => (IReadOnlyList<string>)[
                t.Wave.ToString(System.Globalization.CultureInfo.InvariantCulture),
                t.Name,
                string.Join(", ", t.Follows),
                t.SkipReason is null ? "" : "skipped: " + t.SkipReason])
            .ToList();
        foreach (var line in TextTable.Render(["Wave", "Target", "Runs after", "Note"], rows))
        {
            yield return line;
        }

        yield return "Targets of one wave run side by side once the waves before them are done; nothing has run.";
    }

    public static IEnumerable<string> Mermaid(Plan plan)
    {
        yield return "graph LR";
        foreach (var target in plan.Targets)
        {
            var label = target.SkipReason is null ? target.Name : $"{target.Name} (skipped)";
            yield return $"  {target.Name}[\"{label}\"]";
        }

        foreach (var target in plan.Targets)
        {
            foreach (var before in target.Follows)
            {
                // Solid: a failure stops the target. Dotted: ordering only (After/Before).
                var arrow = target.BlockedBy.Contains(before) ? "-->" : "-.->";
                yield return $"  {before} {arrow} {target.Name}";
            }
        }

        var skipped = plan.Targets.Where(t => t.SkipReason is not null).Select(t => t.Name).ToList();
        if (skipped.Count > 0)
        {
            yield return "  classDef skipped stroke-dasharray: 5 5,color:#888";
            yield return $"  class {string.Join(",", skipped)} skipped";
        }
    }
}
