namespace Pipeline.GitHubActions;

/// <summary>A job's <c>strategy:</c>: fail-fast, max-parallel, and the matrix with its include and exclude entries, or from an output.</summary>
internal static class MatrixRenderer
{
    /// <param name="from">For a matrix from an output: <c>${{ fromJSON(needs.…) }}</c>, the values of its one axis.</param>
    public static YamlTree.Map Strategy(TargetMatrix matrix, string? from)
    {
        var axes = new YamlTree.Map();
        if (matrix.Source is { } source && from is not null)
        {
            axes.Add(source.Axis, from);
        }

        foreach (var axis in matrix.Axes)
        {
            axes.Add(axis.Name, YamlTree.List(axis.Values, flow: false));
        }

        axes.Add("include", Entries(matrix.Include)).Add("exclude", Entries(matrix.Exclude));
        return new YamlTree.Map()
            .Add("fail-fast", YamlTree.Bool(matrix.FailFast))
            .Add("max-parallel", matrix.MaxParallel is { } max ? YamlTree.Number(max) : null)
            .Add("matrix", axes);
    }

    private static YamlTree? Entries(IReadOnlyList<MatrixCell> entries) => entries.Count == 0
        ? null
        : YamlTree.List(entries.Select(entry =>
        {
            var map = new YamlTree.Map();
            foreach (var (field, value) in entry.Values)
            {
                map.Add(field, value);
            }

            return (YamlTree)map;
        }));
}
