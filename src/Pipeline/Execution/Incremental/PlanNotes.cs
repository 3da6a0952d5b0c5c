using Pipeline.Planning;

namespace Pipeline.Execution.Incremental;

/// <summary>
/// What <c>--plan</c> says of each planned target with declared inputs: "up to date: why" or
/// "runs: why". Nothing is restored or written; outputs are known when their producer is up to date.
/// </summary>
internal static class PlanNotes
{
    public static async Task<IReadOnlyDictionary<string, string>> DescribeAsync(
        Plan plan, IncrementalTargets incremental, ForceRequest force, IReadOnlyDictionary<string, string> variables, CancellationToken cancellation)
    {
        ArgumentNullException.ThrowIfNull(plan);
        ArgumentNullException.ThrowIfNull(incremental);
        ArgumentNullException.ThrowIfNull(force);
        var notes = new Dictionary<string, string>(StringComparer.Ordinal);
        var upToDateOutputs = new Dictionary<string, string>(StringComparer.Ordinal);
        var producers = plan.ToRun
            .SelectMany(t => t.Definition.OutputsProduced.Select(o => (o.Name, Target: t.Name)))
            .ToLookup(p => p.Name, p => p.Target, StringComparer.Ordinal);

        // A value is known before the run when an up-to-date producer recorded it, or, produced outside this plan, the environment carries it.
        string? Known(IOutput output) =>
            producers.Contains(output.Name) ? upToDateOutputs.GetValueOrDefault(output.Name) : variables.GetValueOrDefault(output.EnvironmentName);

        // Plan order is topological: a producer is described before the targets that read its outputs.
        foreach (var target in plan.ToRun.Select(t => t.Definition).Where(d => d.Inputs is not null))
        {
            if (target.Inputs!.UpstreamOutputs.FirstOrDefault(o => Known(o) is null) is { } unknown)
            {
                notes[target.Name] = $"runs unless the output {unknown.Name} is unchanged (it is set by {string.Join(", ", producers[unknown.Name])}, which runs)";
                continue;
            }

            if (target.Matrix is { Source: not null })
            {
                notes[target.Name] = "runs: its matrix cells come from an output, known only once it is set";
                continue;
            }

            IReadOnlyList<MatrixCell?> cells = target.Matrix is { } matrix ? [.. matrix.CellsSelectedBy(variables)] : [null];
            var decisions = new List<(MatrixCell? Cell, UpToDateDecision Decision)>();
            foreach (var cell in cells)
            {
                decisions.Add((cell, await incremental.DecideAsync(target, cell, force.Forces(target.Name), Known, restore: false, cancellation).ConfigureAwait(false)));
            }

            var runs = decisions.Where(d => !d.Decision.IsUpToDate).ToList();
            if (runs.Count == 0)
            {
                notes[target.Name] = "up to date: " + decisions[0].Decision.Reason;
                foreach (var (name, value) in decisions[0].Decision.Restored?.Outputs ?? new Dictionary<string, string>())
                {
                    upToDateOutputs[name] = value;
                }

                continue;
            }

            var first = runs[0];
            notes[target.Name] = first.Cell is null
                ? "runs: " + first.Decision.Reason
                : $"runs: [{first.Cell}] {first.Decision.Reason} ({runs.Count} of {cells.Count} cells run)";
        }

        return notes;
    }
}
