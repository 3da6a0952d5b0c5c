using System.Text.Json;

namespace Pipeline;

/// <summary>
/// One combination of a matrix's values, e.g. <c>service=auth</c>, with the fields
/// <see cref="MatrixSpec.Include"/> adds to it. Read it through the axes: <c>Get(Service)</c>.
/// </summary>
public sealed record MatrixCell(IReadOnlyList<KeyValuePair<string, string>> Values)
{
    private static readonly JsonSerializerOptions Json = new(JsonSerializerDefaults.Web);

    public string this[string axis] => Values.First(v => v.Key == axis).Value;

    /// <summary>The cell's value of <paramref name="axis"/> (or of an included field).</summary>
    public string Get(MatrixAxis axis)
    {
        ArgumentNullException.ThrowIfNull(axis);
        return Find(axis) ?? throw new TargetFailedException($"the matrix cell [{this}] has no value for '{axis.Name}'.");
    }

    /// <summary>The cell's value of <paramref name="axis"/>, or null when this cell has none (an included field other cells set).</summary>
    public string? Find(MatrixAxis axis)
    {
        ArgumentNullException.ThrowIfNull(axis);
        return Values.Where(v => v.Key == axis.Name).Select(v => v.Value).FirstOrDefault();
    }

    /// <summary>The item of the output this cell runs for, typed.</summary>
    public T Get<T>(MatrixAxis<T> axis)
    {
        ArgumentNullException.ThrowIfNull(axis);
        var json = Values.Where(v => v.Key == axis.Name).Select(v => v.Value).FirstOrDefault()
            ?? throw new TargetFailedException($"the matrix cell [{this}] has no value for '{axis.Name}'.");
        return JsonSerializer.Deserialize<T>(json, Json)!;
    }

    public bool Equals(MatrixCell? other) => other is not null && Values.SequenceEqual(other.Values);

    public override int GetHashCode() => Values.Count;

    public override string ToString() => string.Join(", ", Values.Select(v => $"{v.Key}={Shown(v.Value)}"));

    internal bool Has(KeyValuePair<string, string> value) => Values.Contains(value);

    // A dynamic cell holds its item as JSON: a string item reads best without its quotes.
    private static string Shown(string value) =>
        value.Length >= 2 && value[0] == '"' && value[^1] == '"' && !value.Contains('\\', StringComparison.Ordinal) ? value[1..^1] : value;
}
