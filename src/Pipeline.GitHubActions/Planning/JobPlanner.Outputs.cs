namespace Pipeline.GitHubActions;

// Outputs and matrices: what a job publishes, what it receives from the jobs it needs, and a matrix
// whose cells come from another job's output.
internal sealed partial class JobPlanner
{
    /// <summary>The build step's id: a job's outputs read <c>steps.build.outputs.&lt;id&gt;</c>.</summary>
    public const string BuildStepId = "build";

    /// <summary>Each output the job's targets produce, as the build step wrote it to <c>$GITHUB_OUTPUT</c>.</summary>
    private static List<KeyValuePair<string, string>> JobOutputs(List<TargetDefinition> runs) =>
        [.. runs.SelectMany(t => t.OutputsProduced).Distinct()
            .Select(o => KeyValuePair.Create(o.Id, $"${{{{ steps.{BuildStepId}.outputs.{o.Id} }}}}"))];

    private static List<StepModel> WithBuildStepId(IReadOnlyList<StepModel> steps) =>
        [.. steps.Select(s => s.IsBuild ? s with { Id = BuildStepId } : s)];

    /// <summary>
    /// The build step's variables, plus: each output its targets read that a job before it produced,
    /// from <c>needs.&lt;job&gt;.outputs</c>; each field a static matrix's include entries add; and a
    /// matrix-from-an-output's cell, as JSON.
    /// </summary>
    private List<KeyValuePair<string, string>> WithOutputsAndCells(
        List<KeyValuePair<string, string>> env, TargetDefinition root, List<TargetDefinition> runs, JobTargets targets)
    {
        foreach (var (output, job) in ReceivedOutputs(runs, targets))
        {
            env.Add(new(output.EnvironmentName, $"${{{{ needs.{IdOf(job)}.outputs.{output.Id} }}}}"));
        }

        if (root.Matrix is { Source: { } source })
        {
            env.Add(new(TargetMatrix.VariableOf(source.Axis), $"${{{{ toJSON(matrix.{source.Axis}) }}}}"));
        }

        foreach (var field in root.Matrix?.Fields.Except(root.Matrix.Axes.Select(a => a.Name)).Where(_ => root.Matrix.Source is null) ?? [])
        {
            env.Add(new(TargetMatrix.VariableOf(field), $"${{{{ matrix.{field} }}}}"));
        }

        return [.. env.DistinctBy(e => e.Key).OrderBy(e => e.Key, StringComparer.Ordinal)];
    }

    /// <summary>
    /// The outputs the job's targets read that a target of another job produces, with that job (the
    /// root of the job that runs the producer); a producer that no job before this one runs is a problem.
    /// </summary>
    private IEnumerable<(IOutput Output, string Job)> ReceivedOutputs(List<TargetDefinition> runs, JobTargets targets)
    {
        foreach (var (consumer, output) in runs.SelectMany(t => t.OutputsConsumed.Select(o => (t, o))).DistinctBy(c => c.o))
        {
            var producer = graph.Targets.FirstOrDefault(t => t.OutputsProduced.Contains(output));
            if (producer is null || targets.Runs.Contains(producer.Name))
            {
                continue; // set in this job's own process (a missing producer fails the graph before this)
            }

            var from = split.FirstOrDefault(j => targets.Upstream.Contains(j.Root) && j.Runs.Contains(producer.Name));
            if (from is null)
            {
                problems.Add($"{consumer.Name} reads the output {output.Name} of {producer.Name}, which runs in no job that {targets.Root} needs. Give {producer.Name} a job that {targets.Root} waits for.");
                continue;
            }

            yield return (output, from.Root);
        }
    }

    /// <summary>A job reads <c>needs.&lt;job&gt;.outputs</c> only of the jobs it needs directly: those are added.</summary>
    private IEnumerable<string> WithOutputProducers(IEnumerable<string> needs, List<TargetDefinition> runs, JobTargets targets)
    {
        var producers = ReceivedOutputs(runs, targets).Select(r => r.Job).ToHashSet(StringComparer.Ordinal);
        var all = needs.Concat(producers).ToHashSet(StringComparer.Ordinal);
        return split.Select(j => j.Root).Where(all.Contains); // in the workflow's order, as the others
    }

    /// <summary>A matrix from an output: the job is skipped when the list is empty, as the target is locally.</summary>
    private string? GatedOnEmptyMatrix(string? condition, TargetDefinition root, JobTargets targets)
    {
        if (MatrixOutput(root, targets) is not { } reference)
        {
            return condition;
        }

        var gate = $"{reference} != '[]'";
        return condition is null ? gate : $"({condition}) && {gate}";
    }

    private string? MatrixFrom(TargetDefinition root, JobTargets targets) =>
        MatrixOutput(root, targets) is { } reference ? $"${{{{ fromJSON({reference}) }}}}" : null;

    /// <summary><c>needs.&lt;job&gt;.outputs.&lt;id&gt;</c> of the output a matrix's cells come from, or null.</summary>
    private string? MatrixOutput(TargetDefinition root, JobTargets targets)
    {
        if (root.Matrix is not { Source: { } source })
        {
            return null;
        }

        var producer = graph.Targets.FirstOrDefault(t => t.OutputsProduced.Contains(source.Output))?.Name;
        var from = split.FirstOrDefault(j => targets.Upstream.Contains(j.Root) && producer is not null && j.Runs.Contains(producer));
        return from is null ? null : $"needs.{IdOf(from.Root)}.outputs.{source.Output.Id}";
    }

    private static string[]? MatrixRunsOn(TargetDefinition root) =>
        root.Matrix?.RunsOn is { } field ? [$"${{{{ matrix.{field} }}}}"] : null;

    /// <summary>What a generated matrix needs: literal values, and, for one from an output, a producer in a job before it.</summary>
    private void CheckMatrix(TargetDefinition root, List<TargetDefinition> runs, JobTargets targets)
    {
        if (root.Matrix is not { } matrix)
        {
            return;
        }

        var owner = $"the job {root.Name}";
        foreach (var entry in matrix.Include.Concat(matrix.Exclude))
        {
            Literals.Check(problems, owner, "a value of its matrix's include or exclude entries", entry.Values.Select(v => v.Value));
        }

        if (matrix.Source is not { } source)
        {
            return;
        }

        var producer = graph.Targets.FirstOrDefault(t => t.OutputsProduced.Contains(source.Output))?.Name;
        if (producer is not null && targets.Runs.Contains(producer))
        {
            problems.Add($"the matrix of {root.Name} comes from the output {source.Output.Name} of {producer}, which would run in the same job, " +
                $"but a job's matrix is decided before the job starts. Give {producer} a job of its own (.Job<{producer}>()).");
        }
    }
}
