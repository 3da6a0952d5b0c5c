namespace Pipeline.Planning;

/// <summary>
/// All targets of a pipeline with their relations normalised to three forward edge kinds:
/// X depends on Y, X triggers Y, X runs after Y. Built once, validated up front, then read-only.
/// </summary>
public sealed class TargetGraph
{
    private readonly Dictionary<string, TargetDefinition> _byName;
    private readonly Dictionary<string, int> _order;
    private readonly Dictionary<string, string> _byNormalizedName;

    private TargetGraph(IReadOnlyList<TargetDefinition> targets, string? defaultTarget, EdgeSet edges)
    {
        Targets = targets;
        DefaultTarget = defaultTarget;
        _byName = targets.ToDictionary(t => t.Name, StringComparer.Ordinal);
        _order = targets.Select((t, i) => (t.Name, i)).ToDictionary(x => x.Name, x => x.i, StringComparer.Ordinal);
        _byNormalizedName = targets.ToDictionary(t => ParameterNames.Normalize(t.Name), t => t.Name, StringComparer.Ordinal);
        Edges = edges;
    }

    /// <summary>In declaration order.</summary>
    public IReadOnlyList<TargetDefinition> Targets { get; }

    public string? DefaultTarget { get; }

    internal EdgeSet Edges { get; }

    public TargetDefinition this[string name] => _byName[name];

    /// <summary>Targets this one depends on (declared with DependsOn, or DependentFor on the other side).</summary>
    public IReadOnlyList<string> DependenciesOf(string name) => Edges.DependsOn[name];

    /// <summary>Targets this one triggers (declared with Triggers, or TriggeredBy on the other side).</summary>
    public IReadOnlyList<string> TriggersOf(string name) => Edges.Triggers[name];

    /// <summary>Targets this one runs after when both are planned (After, or Before on the other side).</summary>
    public IReadOnlyList<string> OrderedAfter(string name) => Edges.After[name];

    /// <summary>Everything this target must wait for when planned together: dependencies, triggerers, After.</summary>
    public IEnumerable<string> MustFollow(string name) =>
        Edges.DependsOn[name].Concat(Edges.TriggeredBy[name]).Concat(Edges.After[name]).Distinct();

    /// <summary>The failures that stop this target: its dependencies and whatever triggered it.</summary>
    public IEnumerable<string> BlockedBy(string name) => Edges.DependsOn[name].Concat(Edges.TriggeredBy[name]).Distinct();

    internal int IndexOf(string name) => _order[name];

    internal bool TryResolve(string typed, out string name)
    {
        name = _byNormalizedName.GetValueOrDefault(ParameterNames.Normalize(typed)) ?? "";
        return name.Length > 0;
    }

    /// <summary>Validates names, relations and cycles; throws <see cref="DefinitionException"/> listing the problem.</summary>
    internal static TargetGraph Create(IReadOnlyList<TargetDefinition> targets, string? defaultTarget)
    {
        var duplicates = targets.GroupBy(t => ParameterNames.Normalize(t.Name)).Where(g => g.Count() > 1).ToList();
        if (duplicates.Count > 0)
        {
            throw new DefinitionException("Two targets share a name: " +
                string.Join("; ", duplicates.Select(g => string.Join(", ", g.Select(t => t.TargetType.FullName)))) + ".");
        }

        // Targets built by name (benchmarks, generated targets) may share a placeholder class: only a
        // class that stands for exactly one target can be named in a typed relation.
        var byType = targets.GroupBy(t => t.TargetType).Where(g => g.Count() == 1).ToDictionary(g => g.Key, g => g.Single().Name);
        var edges = EdgeSet.Create(targets, byType);
        if (defaultTarget is not null && targets.All(t => t.Name != defaultTarget))
        {
            throw new DefinitionException($"The default target {defaultTarget} is not part of the pipeline.");
        }

        var graph = new TargetGraph(targets, defaultTarget, edges);
        if (CycleFinder.Find(targets.Select(t => t.Name), graph.MustFollow) is { } cycle)
        {
            throw new DefinitionException($"The targets form a cycle: {string.Join(" → ", cycle)}. " +
                "Each arrow means 'must run after' (DependsOn, Triggers or After); break one of them.");
        }

        OutputChecks.Check(graph);
        CheckClaims(targets);
        return graph;
    }

    /// <summary>Two targets claiming one thing (see <see cref="TargetSpec.Claims"/>) would overwrite each other's.</summary>
    private static void CheckClaims(IReadOnlyList<TargetDefinition> targets)
    {
        var twice = targets.SelectMany(t => t.Claims.Select(claim => (Target: t.Name, Claim: claim)))
            .GroupBy(c => c.Claim, StringComparer.Ordinal)
            .FirstOrDefault(g => g.Count() > 1);
        if (twice is not null)
        {
            throw new DefinitionException($"{string.Join(" and ", twice.Select(c => c.Target))} {(twice.Count() == 2 ? "both" : "all")} make {twice.Key}; only one target may: keep it in one of them.");
        }
    }

    /// <summary>The forward edges, per target name, each list in declaration order.</summary>
    internal sealed record EdgeSet(
        IReadOnlyDictionary<string, IReadOnlyList<string>> DependsOn,
        IReadOnlyDictionary<string, IReadOnlyList<string>> Triggers,
        IReadOnlyDictionary<string, IReadOnlyList<string>> TriggeredBy,
        IReadOnlyDictionary<string, IReadOnlyList<string>> After)
    {
        public static EdgeSet Create(IReadOnlyList<TargetDefinition> targets, IReadOnlyDictionary<Type, string> byType)
        {
            var dependsOn = Empty(targets);
            var triggers = Empty(targets);
            var after = Empty(targets);
            foreach (var target in targets)
            {
                foreach (var relation in target.Relations)
                {
                    var other = relation.OtherType is { } type ? byType.GetValueOrDefault(type) : relation.OtherName;
                    if (other is null || !dependsOn.ContainsKey(other))
                    {
                        throw new DefinitionException(
                            $"{target.Name} declares {relation.Kind}<{relation.Describe()}>, but {relation.Describe()} is not part of the pipeline. " +
                            $"Add it with .Add<{relation.Describe()}>().");
                    }

                    var (from, to, set) = relation.Kind switch
                    {
                        RelationKind.DependsOn => (target.Name, other, dependsOn),
                        RelationKind.DependentFor => (other, target.Name, dependsOn),
                        RelationKind.Triggers => (target.Name, other, triggers),
                        RelationKind.TriggeredBy => (other, target.Name, triggers),
                        RelationKind.After => (target.Name, other, after),
                        RelationKind.Before => (other, target.Name, after),
                        _ => throw new ArgumentOutOfRangeException(nameof(targets), relation.Kind, null),
                    };
                    if (from == to)
                    {
                        throw new DefinitionException($"The targets form a cycle: {from} → {from}. A target cannot relate to itself.");
                    }

                    if (!set[from].Contains(to))
                    {
                        set[from].Add(to);
                    }
                }
            }

            var triggeredBy = Empty(targets);
            foreach (var (from, list) in triggers)
            {
                foreach (var to in list)
                {
                    triggeredBy[to].Add(from);
                }
            }

            return new EdgeSet(Freeze(dependsOn), Freeze(triggers), Freeze(triggeredBy), Freeze(after));
        }

        private static Dictionary<string, List<string>> Empty(IReadOnlyList<TargetDefinition> targets) =>
            targets.ToDictionary(t => t.Name, _ => new List<string>(), StringComparer.Ordinal);

        private static Dictionary<string, IReadOnlyList<string>> Freeze(Dictionary<string, List<string>> edges) =>
            edges.ToDictionary(e => e.Key, e => (IReadOnlyList<string>)e.Value.AsReadOnly(), StringComparer.Ordinal);
    }
}
