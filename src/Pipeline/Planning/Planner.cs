namespace Pipeline.Planning;

/// <summary>Turns a request into a <see cref="Plan"/>. Pure: it runs nothing but static conditions.</summary>
internal static class Planner
{
    public static Plan Create(TargetGraph graph, PlanRequest request)
    {
        var requested = request.Targets.Count > 0
            ? request.Targets.Select(name => Resolve(graph, name)).Distinct().ToList()
            : [graph.DefaultTarget ?? throw new UsageException(
                "No target given and the pipeline has no default. Name one: " + string.Join(", ", ListedNames(graph)) + ".")];
        var skipped = request.Skip.Names.Select(name => Resolve(graph, name)).ToHashSet(StringComparer.Ordinal);

        var included = Closure(graph, requested);
        var order = TopologicalOrder(graph, included);

        var waves = new Dictionary<string, int>(StringComparer.Ordinal);
        var planned = new List<PlannedTarget>(order.Count);
        foreach (var name in order)
        {
            var follows = graph.MustFollow(name).Where(included.Contains).ToList();
            waves[name] = follows.Count == 0 ? 1 : follows.Max(f => waves[f]) + 1;
            var skipReason = SkipReason(graph[name], requested, skipped, request.Skip.OnlyRequested, request.Facts);
            planned.Add(new PlannedTarget(
                graph[name],
                waves[name],
                follows,
                [.. graph.BlockedBy(name).Where(included.Contains)],
                skipReason));
        }

        return new Plan(requested, planned) { Facts = request.Facts };
    }

    /// <summary>
    /// What a plan of <paramref name="requested"/> includes, in the order it runs them, without
    /// evaluating any condition: the workflow generator splits jobs along this, so CI runs what the
    /// planner would.
    /// </summary>
    internal static IReadOnlyList<string> Order(TargetGraph graph, IEnumerable<string> requested) =>
        TopologicalOrder(graph, Closure(graph, requested));

    /// <summary>
    /// The requested targets, their dependencies and triggers, until nothing more is added; a
    /// target for which <paramref name="within"/> is false is neither included nor followed.
    /// </summary>
    internal static HashSet<string> Closure(TargetGraph graph, IEnumerable<string> requested, Func<string, bool>? within = null)
    {
        var included = new HashSet<string>(StringComparer.Ordinal);
        var queue = new Queue<string>(requested);
        while (queue.TryDequeue(out var name))
        {
            if ((within is null || within(name)) && included.Add(name))
            {
                foreach (var next in graph.DependenciesOf(name).Concat(graph.TriggersOf(name)))
                {
                    queue.Enqueue(next);
                }
            }
        }

        return included;
    }

    /// <summary>Kahn's algorithm; among ready targets the one declared first goes first, so plans are stable.</summary>
    private static List<string> TopologicalOrder(TargetGraph graph, HashSet<string> included)
    {
        var waitingOn = included.ToDictionary(n => n, n => graph.MustFollow(n).Count(included.Contains), StringComparer.Ordinal);
        var followers = included.ToDictionary(n => n, _ => new List<string>(), StringComparer.Ordinal);
        foreach (var name in included)
        {
            foreach (var before in graph.MustFollow(name).Where(included.Contains))
            {
                followers[before].Add(name);
            }
        }

        var ready = new PriorityQueue<string, int>();
        foreach (var (name, count) in waitingOn.Where(w => w.Value == 0))
        {
            ready.Enqueue(name, graph.IndexOf(name));
        }

        var order = new List<string>(included.Count);
        while (ready.TryDequeue(out var name, out _))
        {
            order.Add(name);
            foreach (var follower in followers[name])
            {
                if (--waitingOn[follower] == 0)
                {
                    ready.Enqueue(follower, graph.IndexOf(follower));
                }
            }
        }

        return order; // complete: the graph was checked for cycles when it was built
    }

    private static string? SkipReason(
        TargetDefinition target, List<string> requested, HashSet<string> skipped, bool onlyRequested, ConditionFacts facts)
    {
        if (skipped.Contains(target.Name))
        {
            return "--skip";
        }

        if (onlyRequested && !requested.Contains(target.Name))
        {
            return "--skip (only the named targets run)";
        }

        if (target.When is { } when && !when.CanBeTrue(facts))
        {
            return $"condition `{when}` is false";
        }

        if (target.When is { } undecided && undecided.NeverKnown(facts) is [_, ..] unknown)
        {
            return UnknownLocally(undecided, unknown);
        }

        var failed = target.Conditions.FirstOrDefault(c => c.Timing == ConditionTiming.Static && !c.Predicate());
        return failed is null ? null : $"condition `{failed.Expression}` is false";
    }

    /// <summary>The reason a condition that cannot be decided here skips its target: never silently true.</summary>
    internal static string UnknownLocally(Condition condition, IReadOnlyList<UnknownFact> unknown) =>
        $"condition `{condition}` cannot be decided here: " + string.Join("; ", unknown.Select(f => $"{f.What}: {f.Why}"));

    private static string Resolve(TargetGraph graph, string typed)
    {
        if (graph.TryResolve(typed, out var name))
        {
            return name;
        }

        var hint = Suggestions.DidYouMean(typed, graph.Targets.Select(t => t.Name));
        throw new UsageException(
            $"Unknown target '{typed}'.{hint} Targets: {string.Join(", ", ListedNames(graph))}.");
    }

    private static IEnumerable<string> ListedNames(TargetGraph graph) =>
        graph.Targets.Where(t => !t.Unlisted).Select(t => t.Name);
}
