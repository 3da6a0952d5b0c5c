namespace Pipeline;

/// <summary>
/// One dimension of a matrix: a name and its values (<c>service</c>: auth, users, …). Declared once
/// as a static field, it is also how a target reads its cell's value: <c>context.Matrix.Get(Service)</c>.
/// An axis with no values names a per-cell field that <see cref="MatrixSpec.Include"/> entries set.
/// </summary>
public sealed record MatrixAxis(string Name, IReadOnlyList<string> Values)
{
    public static MatrixAxis Of(string name, params IEnumerable<string> values) => new(name, [.. values]);

    /// <summary>
    /// An axis whose values are the items of <paramref name="output"/>, a list another target sets
    /// (CI: <c>fromJSON(needs.&lt;job&gt;.outputs.&lt;id&gt;)</c>); an empty list skips the target.
    /// </summary>
    public static MatrixAxis<T> FromOutput<T>(Output<IReadOnlyList<T>> output, string name)
    {
        ArgumentNullException.ThrowIfNull(output);
        return new MatrixAxis<T>(name, output);
    }

    public bool Equals(MatrixAxis? other) => other is not null && Name == other.Name && Values.SequenceEqual(other.Values);

    public override int GetHashCode() => HashCode.Combine(Name, Values.Count);

    internal static bool IsValidName(string name) =>
        name.Length > 0 && char.IsAsciiLetter(name[0]) && name.All(c => char.IsAsciiLetterOrDigit(c) || c is '-' or '_');
}

/// <summary>An axis whose values come from a list output, one cell per item, read typed: <c>context.Matrix.Get(Component)</c>.</summary>
public sealed record MatrixAxis<T>(string Name, Output<IReadOnlyList<T>> Source);
