using Pipeline.Planning;

namespace Pipeline.Output;

/// <summary>A plan as text (<c>--plan</c>) and as a Mermaid graph (<c>--plan mermaid</c>, GitHub summaries).</summary>
internal static class PlanRenderer
{
    /// <param name="upToDate">For targets with declared inputs: "up to date" or "runs: why".</param>
    public static IEnumerable<string> Text(
        Plan plan,
        int maxParallel,
        IReadOnlyList<(string Tool, string Found, string NeededBy)> tools,
        IReadOnlyDictionary<string, string>? upToDate = null,
        IReadOnlyDictionary<string, IReadOnlyList<string>>? ciOnlySteps = null)
    {
        yield return $"Plan for {string.Join(", ", plan.Requested)}: {plan.ToRun.Count()} of {Counted.Of(plan.Targets.Count, "target")} run, " +
            SideBySide(plan, maxParallel) + ".";
        // The outputs column only when some target declares one: most plans have none.
        var withOutputs = plan.Targets.Any(t => t.Definition.OutputsProduced.Count + t.Definition.OutputsConsumed.Count > 0);
        var rows = plan.Targets
            .Select(t => (IReadOnlyList<string>)[
                t.Wave.ToString(System.Globalization.CultureInfo.InvariantCulture),
                t.Name,
                string.Join(", ", t.Follows),
                t.SkipReason is null ? upToDate?.GetValueOrDefault(t.Name) ?? "" : "skipped: " + t.SkipReason,
                .. withOutputs ? [Outputs(t.Definition)] : Array.Empty<string>()])
            .ToList();
        foreach (var line in TextTable.Render(["Wave", "Target", "Runs after", "Note", .. withOutputs ? ["Outputs"] : Array.Empty<string>()], rows))
        {
            yield return line;
        }

        var ciSteps = plan.Targets.Where(t => ciOnlySteps?.ContainsKey(t.Name) == true).ToList();
        if (ciSteps.Count > 0)
        {
            // Steps a CI job runs besides ./build.sh: a local run does not, unless a target stands for them.
            yield return "";
            foreach (var line in TextTable.Render(["Job of", "Steps besides the targets"], [.. ciSteps.SelectMany(t => ciOnlySteps![t.Name].Select(s => (IReadOnlyList<string>)[t.Name, s]))]))
            {
                yield return line;
            }
        }

        if (tools.Count > 0)
        {
            yield return "";
            foreach (var line in TextTable.Render(["Tool", "Found", "Needed by"], [.. tools.Select(t => (IReadOnlyList<string>)[t.Tool, t.Found, t.NeededBy])]))
            {
                yield return line;
            }
        }

        yield return "Targets of one wave run side by side once the waves before them are done; nothing has run.";
    }

    /// <summary>The typed outputs a target sets and reads: "sets Version; reads Changed".</summary>
    private static string Outputs(TargetDefinition target) => string.Join("; ", new[]
    {
        target.OutputsProduced.Count == 0 ? null : "sets " + string.Join(", ", target.OutputsProduced.Select(o => o.Name)),
        target.OutputsConsumed.Count == 0 ? null : "reads " + string.Join(", ", target.OutputsConsumed.Select(o => o.Name)),
    }.OfType<string>());

    /// <summary>
    /// How many targets really run at once: the widest wave of targets that run, within
    /// <paramref name="maxParallel"/>; one target at a time is said as such.
    /// </summary>
    public static string SideBySide(Plan plan, int maxParallel)
    {
        var widest = plan.ToRun.GroupBy(t => t.Wave).Select(g => g.Count()).DefaultIfEmpty(0).Max();
        var atOnce = Math.Min(widest, maxParallel);
        return atOnce <= 1 ? "one at a time" : $"up to {atOnce} side by side";
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
