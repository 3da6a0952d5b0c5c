namespace Pipeline;

/// <summary>
/// The fluent declaration of a static matrix, as GitHub reads one:
/// <c>.Matrix(m =&gt; m.Axis(Os).Axis(Configuration).Include((Os, "windows-latest"), (Rid, "win-x64")).RunsOn(Os))</c>.
/// Only a builder: <see cref="TargetSpec"/> copies it into a <see cref="TargetMatrix"/> right away.
/// </summary>
public sealed class MatrixSpec
{
    private readonly List<MatrixAxis> _axes = [];
    private readonly List<MatrixCell> _include = [];
    private readonly List<MatrixCell> _exclude = [];
    private MatrixAxis? _runsOn;
    private int? _maxParallel;
    private bool _failFast = true;

    internal MatrixSpec()
    {
    }

    /// <summary>One more dimension: every cell has one of its values.</summary>
    public MatrixSpec Axis(MatrixAxis axis)
    {
        ArgumentNullException.ThrowIfNull(axis);
        _axes.Add(axis);
        return this;
    }

    /// <summary>
    /// An entry of <c>include</c>: its values are added to every cell whose axis values it matches
    /// (fields that are not axes, such as a runtime identifier per OS), or it becomes a cell of its own.
    /// </summary>
    public MatrixSpec Include(params (MatrixAxis Axis, string Value)[] values)
    {
        _include.Add(Entry(values));
        return this;
    }

    /// <summary>An entry of <c>exclude</c>: a combination with all these values is not run.</summary>
    public MatrixSpec Exclude(params (MatrixAxis Axis, string Value)[] values)
    {
        _exclude.Add(Entry(values));
        return this;
    }

    /// <summary>Each cell runs on the runner its value of <paramref name="axis"/> names (CI: <c>runs-on: ${{ matrix.os }}</c>).</summary>
    public MatrixSpec RunsOn(MatrixAxis axis)
    {
        ArgumentNullException.ThrowIfNull(axis);
        _runsOn = axis;
        return this;
    }

    /// <summary>Cells running at once (CI: <c>max-parallel</c>).</summary>
    public MatrixSpec MaxParallel(int cells)
    {
        _maxParallel = cells;
        return this;
    }

    /// <summary>Whether one failed cell cancels the others (CI: <c>fail-fast</c>); true unless said otherwise.</summary>
    public MatrixSpec FailFast(bool cancelOthers = true)
    {
        _failFast = cancelOthers;
        return this;
    }

    internal TargetMatrix ToMatrix() => new([.. _axes], _maxParallel, _failFast)
    {
        Include = [.. _include],
        Exclude = [.. _exclude],
        RunsOn = _runsOn?.Name,
    };

    private static MatrixCell Entry((MatrixAxis Axis, string Value)[] values) =>
        new([.. values.Select(v => new KeyValuePair<string, string>(v.Axis.Name, v.Value))]);
}
