using Pipeline.Planning;

namespace Pipeline.Execution.Incremental;

/// <summary><c>--force</c>: absent, bare (every target ignores its up-to-date check) or with names (those targets).</summary>
internal sealed record ForceRequest(bool All, IReadOnlyList<string> Names)
{
    public static ForceRequest None { get; } = new(false, []);

    public static ForceRequest Everything { get; } = new(true, []);

    public bool Forces(string target) => All || Names.Contains(target, StringComparer.Ordinal);

    /// <summary>The names as the graph spells them; an unknown one is a usage error, as with <c>--skip</c>.</summary>
    public ForceRequest Resolved(TargetGraph graph)
    {
        ArgumentNullException.ThrowIfNull(graph);
        return this with
        {
            Names = [.. Names.Select(typed => graph.TryResolve(typed, out var name)
                ? name
                : throw new UsageException($"--force names an unknown target '{typed}'.{Suggestions.DidYouMean(typed, graph.Targets.Select(t => t.Name))}"))],
        };
    }
}
