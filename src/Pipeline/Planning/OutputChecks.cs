namespace Pipeline.Planning;

/// <summary>
/// What the pipeline's outputs must be before anything runs: one producer each, names that do not
/// clash (they become one variable and one key of a job's outputs), and every output a target reads
/// produced upstream of it — by a target it depends on, directly or not — so the value exists when
/// it starts, locally and in CI.
/// </summary>
internal static class OutputChecks
{
    public static void Check(TargetGraph graph)
    {
        var all = graph.Targets.SelectMany(t => t.OutputsProduced.Concat(t.OutputsConsumed)).Distinct().ToList();
        foreach (var clash in all.GroupBy(o => ParameterNames.Normalize(o.Name)).Where(g => g.Count() > 1))
        {
            throw new DefinitionException($"Two different outputs are named {clash.First().Name} ({string.Join(", ", clash.Select(o => o.ValueType.Name))}); give one another name.");
        }

        foreach (var consumer in graph.Targets)
        {
            foreach (var output in consumer.OutputsConsumed)
            {
                var producers = graph.Targets.Where(t => t.OutputsProduced.Contains(output)).ToList();
                if (producers.Count == 0)
                {
                    throw new DefinitionException($"{consumer.Name} reads the output {output.Name}, which no target of the pipeline produces. Declare .Produces({output.Name}) on the target that sets it.");
                }

                if (producers.Count > 1)
                {
                    throw new DefinitionException($"The output {output.Name} is produced by {string.Join(" and ", producers.Select(p => p.Name))}; one target produces an output.");
                }

                var producer = producers[0].Name;
                if (producer != consumer.Name && !Upstream(graph, consumer.Name).Contains(producer))
                {
                    throw new DefinitionException(
                        $"{consumer.Name} reads the output {output.Name} of {producer}, which is not upstream of it. Add .DependsOn<{producer}>() to {consumer.Name}.");
                }
            }
        }
    }

    /// <summary>What a target depends on, directly or not.</summary>
    private static HashSet<string> Upstream(TargetGraph graph, string name)
    {
        var seen = new HashSet<string>(StringComparer.Ordinal);
        var queue = new Queue<string>(graph.DependenciesOf(name));
        while (queue.TryDequeue(out var next))
        {
            if (seen.Add(next))
            {
                foreach (var further in graph.DependenciesOf(next))
                {
                    queue.Enqueue(further);
                }
            }
        }

        return seen;
    }
}
