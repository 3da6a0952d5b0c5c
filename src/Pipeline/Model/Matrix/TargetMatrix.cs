namespace Pipeline;

/// <summary>
/// A target that runs once per cell: each combination of its axes' values, less what
/// <see cref="Exclude"/> removes, plus what <see cref="Include"/> adds — or, for a matrix from an
/// output (<see cref="Source"/>), one cell per item of that list. Locally the cells run side by
/// side (at most <see cref="MaxParallel"/>); in CI they become the job's <c>strategy.matrix</c>, and
/// each job runs its own cell, named by <c>PIPELINE_MATRIX_&lt;AXIS&gt;</c> variables.
/// </summary>
/// <param name="MaxParallel">Cells running at once; null for no limit beyond the machine's.</param>
/// <param name="FailFast">Whether one failed cell cancels the others.</param>
public sealed record TargetMatrix(IReadOnlyList<MatrixAxis> Axes, int? MaxParallel, bool FailFast)
{
    public const string VariablePrefix = "PIPELINE_MATRIX_";

    /// <summary>Entries GitHub's <c>include</c> reads: extra fields for the cells they match, or cells of their own.</summary>
    public IReadOnlyList<MatrixCell> Include { get; init; } = [];

    /// <summary>Entries GitHub's <c>exclude</c> reads: a cell that has every value of one is left out.</summary>
    public IReadOnlyList<MatrixCell> Exclude { get; init; } = [];

    /// <summary>The axis or field that names each cell's runner (CI: <c>runs-on: ${{ matrix.&lt;it&gt; }}</c>); null for the job's.</summary>
    public string? RunsOn { get; init; }

    /// <summary>For a matrix from an output: its axis and the list output its cells come from; null for a static matrix.</summary>
    public MatrixSource? Source { get; init; }

    /// <summary>The variable that selects one value of an axis.</summary>
    public static string VariableOf(string axis) => VariablePrefix + ParameterNames.ToScreamingSnakeCase(axis.Replace('-', '_'));

    /// <summary>Every field a cell can have: the axes, then the fields only include entries set.</summary>
    public IReadOnlyList<string> Fields =>
        [.. Axes.Select(a => a.Name).Concat(Include.SelectMany(i => i.Values.Select(v => v.Key))).Concat(Source is { } s ? [s.Axis] : []).Distinct()];

    /// <summary>
    /// Every cell of a static matrix, as GitHub computes them: each combination (first axis slowest),
    /// less the excluded ones; then each include entry adds its other fields to every combination
    /// whose axis values it matches, or, matching none, becomes a cell of its own.
    /// </summary>
    public IReadOnlyList<MatrixCell> Cells()
    {
        IEnumerable<MatrixCell> product = Axes.Count == 0 ? [] : [new MatrixCell([])];
        foreach (var axis in Axes)
        {
            product = product.SelectMany(cell => axis.Values.Select(value => new MatrixCell([.. cell.Values, new(axis.Name, value)])));
        }

        var cells = product.Where(cell => !Exclude.Any(e => e.Values.All(cell.Has))).ToList();
        var combinations = cells.Count;
        var axisNames = Axes.Select(a => a.Name).ToHashSet(StringComparer.Ordinal);
        foreach (var entry in Include)
        {
            var matched = false;
            for (var i = 0; i < combinations; i++)
            {
                if (entry.Values.Where(v => axisNames.Contains(v.Key)).All(cells[i].Has))
                {
                    var added = entry.Values.Where(v => !axisNames.Contains(v.Key)).ToList();
                    cells[i] = new MatrixCell([.. cells[i].Values.Where(v => added.All(a => a.Key != v.Key)), .. added]);
                    matched = true;
                }
            }

            if (!matched)
            {
                cells.Add(entry);
            }
        }

        return cells;
    }

    /// <summary>The cells the environment selects: all of them, or the one CI names.</summary>
    public IReadOnlyList<MatrixCell> CellsSelectedBy(IReadOnlyDictionary<string, string> variables) =>
        [.. Cells().Where(cell => cell.Values.All(v =>
            variables.GetValueOrDefault(VariableOf(v.Key)) is not { Length: > 0 } chosen || chosen == v.Value))];

    /// <summary>Whether the environment names a cell (a CI matrix job's leg).</summary>
    internal bool IsSelectedBy(IReadOnlyDictionary<string, string> variables) =>
        Fields.Any(f => variables.GetValueOrDefault(VariableOf(f)) is { Length: > 0 });

    /// <summary>A matrix from an output: one cell per item; the one CI names when it does.</summary>
    internal static IReadOnlyList<MatrixCell> CellsOf(MatrixSource source, Func<string> outputText, IReadOnlyDictionary<string, string> variables) =>
        variables.GetValueOrDefault(VariableOf(source.Axis)) is { Length: > 0 } chosen
            ? [new MatrixCell([new(source.Axis, OutputText.Compact(chosen))])]
            : [.. OutputText.Items(outputText(), source.Output).Select(item => new MatrixCell([new(source.Axis, item)]))];

    public bool Equals(TargetMatrix? other) =>
        other is not null && Axes.SequenceEqual(other.Axes) && MaxParallel == other.MaxParallel && FailFast == other.FailFast &&
        Include.SequenceEqual(other.Include) && Exclude.SequenceEqual(other.Exclude) && RunsOn == other.RunsOn && Source == other.Source;

    public override int GetHashCode() => HashCode.Combine(Axes.Count, MaxParallel, FailFast, Include.Count, Exclude.Count, RunsOn);

    internal void Validate(string target)
    {
        var axisNames = Axes.Select(a => a.Name).ToHashSet(StringComparer.Ordinal);
        var problem = Source is { } source ? (MatrixAxis.IsValidName(source.Axis) ? null : $"has an axis named '{source.Axis}' (use letters, digits, '-' and '_', starting with a letter)")
            : Axes.Count == 0 && Include.Count == 0 ? "has no axis"
            : Axes.Concat(Fields.Select(f => MatrixAxis.Of(f))).FirstOrDefault(a => !MatrixAxis.IsValidName(a.Name)) is { } badName ? $"has an axis named '{badName.Name}' (use letters, digits, '-' and '_', starting with a letter)"
            : Axes.FirstOrDefault(a => a.Values.Count == 0) is { } empty ? $"has an axis '{empty.Name}' with no values; give it at least one"
            : Axes.FirstOrDefault(a => a.Values.Distinct().Count() != a.Values.Count) is { } twice ? $"lists a value twice on axis '{twice.Name}'"
            : Axes.GroupBy(a => a.Name).FirstOrDefault(g => g.Count() > 1) is { } same ? $"declares the axis '{same.Key}' twice"
            : Exclude.SelectMany(e => e.Values.Select(v => v.Key)).FirstOrDefault(k => !axisNames.Contains(k)) is { } notAxis ? $"excludes by '{notAxis}', which is not one of its axes"
            : Include.Concat(Exclude).FirstOrDefault(e => e.Values.Count == 0) is not null ? "has an empty include or exclude entry"
            : Cells().Count == 0 ? "has no cell left once its excludes are applied"
            : null;
        problem ??= MaxParallel < 1 ? "has a max parallel below 1"
            : RunsOn is { } runsOn && !Fields.Contains(runsOn) ? $"takes its runner from '{runsOn}', which is not one of its axes or fields"
            : RunsOn is { } runner && Cells().FirstOrDefault(c => c.Values.All(v => v.Key != runner)) is { } noRunner ? $"has the cell [{noRunner}] with no '{runner}' to run on"
            : null;
        if (problem is not null)
        {
            throw new DefinitionException($"The matrix of {target} {problem}.");
        }
    }
}

/// <summary>Where a matrix's cells come from when they are computed by another target: the axis and the list output.</summary>
public sealed record MatrixSource(string Axis, IOutput Output);
