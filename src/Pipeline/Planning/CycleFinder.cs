namespace Pipeline.Planning;

/// <summary>Finds one cycle in a directed graph and returns it as a closed path (A, B, A).</summary>
internal static class CycleFinder
{
    public static IReadOnlyList<string>? Find(IEnumerable<string> nodes, Func<string, IEnumerable<string>> next)
    {
        var state = new Dictionary<string, bool>(StringComparer.Ordinal); // false: on the path, true: done
        var path = new List<string>();

        foreach (var start in nodes)
        {
            if (Visit(start) is { } cycle)
            {
                return cycle;
            }
        }

        return null;

        IReadOnlyList<string>? Visit(string node)
        {
            if (state.TryGetValue(node, out var done))
            {
                return done ? null : [.. path.Skip(path.IndexOf(node)), node];
            }

            state[node] = false;
            path.Add(node);
            foreach (var successor in next(node))
            {
                if (Visit(successor) is { } cycle)
                {
                    return cycle;
                }
            }

            path.RemoveAt(path.Count - 1);
            state[node] = true;
            return null;
        }
    }
}
