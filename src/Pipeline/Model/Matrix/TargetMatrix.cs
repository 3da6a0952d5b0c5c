namespace Pipeline;

/// <summary>One dimension of a matrix: a name and its values (<c>service</c>: auth, users, …).</summary>
public sealed record MatrixAxis(string Name, IReadOnlyList<string> Values)
{
    public static MatrixAxis Of(string name, params IEnumerable<string> values) => new(name, [.. values]);

    public bool Equals(MatrixAxis? other) => other is not null && Name == other.Name && Values.SequenceEqual(other.Values);

    public override int GetHashCode() => HashCode.Combine(Name, Values.Count);
}

/// <summary>
/// A target that runs once per combination of its axes' values. Locally the cells run side by side
/// (at most <see cref="MaxParallel"/>); in CI they become the job's <c>strategy.matrix</c>, and
/// each job runs its own cell, named by <c>PIPELINE_MATRIX_&lt;AXIS&gt;</c> variables.
/// </summary>
/// <param name="MaxParallel">Cells running at once; null for no limit beyond the machine's.</param>
/// <param name="FailFast">Whether one failed cell cancels the others.</param>
public sealed record TargetMatrix(IReadOnlyList<MatrixAxis> Axes, int? MaxParallel, bool FailFast)
{
    public const string VariablePrefix = "PIPELINE_MATRIX_";

    /// <summary>The environment variable that selects one value of an axis.</summary>
    public static string VariableOf(string axis) => VariablePrefix + ParameterNames.ToScreamingSnakeCase(axis.Replace('-', '_'));

    /// <summary>Every combination, first axis slowest, in declaration order.</summary>
    public IReadOnlyList<MatrixCell> Cells()
    {
        IEnumerable<MatrixCell> cells = [new MatrixCell([])];
        foreach (var axis in Axes)
        {
            cells = cells.SelectMany(cell => axis.Values.Select(value => new MatrixCell([.. cell.Values, new(axis.Name, value)])));
        }

        return [.. cells];
    }

    /// <summary>The cells the environment selects: all of them, or the one CI names.</summary>
    public IReadOnlyList<MatrixCell> CellsSelectedBy(IReadOnlyDictionary<string, string> variables) =>
        [.. Cells().Where(cell => cell.Values.All(v =>
            variables.GetValueOrDefault(VariableOf(v.Key)) is not { Length: > 0 } chosen || chosen == v.Value))];

    public bool Equals(TargetMatrix? other) =>
        other is not null && Axes.SequenceEqual(other.Axes) && MaxParallel == other.MaxParallel && FailFast == other.FailFast;

    public override int GetHashCode() => HashCode.Combine(Axes.Count, MaxParallel, FailFast);

    internal void Validate(string target)
    {
        var problem = Axes.Count == 0 ? "has no axis"
            : Axes.FirstOrDefault(a => !IsValidAxisName(a.Name)) is { } badName ? $"has an axis named '{badName.Name}' (use letters, digits, '-' and '_', starting with a letter)"
            : Axes.FirstOrDefault(a => a.Values.Count == 0) is { } empty ? $"has an axis '{empty.Name}' with no values; give it at least one"
            : Axes.FirstOrDefault(a => a.Values.Distinct().Count() != a.Values.Count) is { } twice ? $"lists a value twice on axis '{twice.Name}'"
            : Axes.GroupBy(a => a.Name).FirstOrDefault(g => g.Count() > 1) is { } same ? $"declares the axis '{same.Key}' twice"
            : MaxParallel < 1 ? "has a max parallel below 1"
            : null;
        if (problem is not null)
        {
            throw new DefinitionException($"The matrix of {target} {problem}.");
        }
    }

    private static bool IsValidAxisName(string name) =>
        name.Length > 0 && char.IsAsciiLetter(name[0]) && name.All(c => char.IsAsciiLetterOrDigit(c) || c is '-' or '_');
}

/// <summary>One combination of a matrix's values, e.g. <c>service=auth</c>.</summary>
public sealed record MatrixCell(IReadOnlyList<KeyValuePair<string, string>> Values)
{
    public string this[string axis] => Values.First(v => v.Key == axis).Value;

    public bool Equals(MatrixCell? other) => other is not null && Values.SequenceEqual(other.Values);

    public override int GetHashCode() => Values.Count;

    public override string ToString() => string.Join(", ", Values.Select(v => $"{v.Key}={v.Value}"));
}
