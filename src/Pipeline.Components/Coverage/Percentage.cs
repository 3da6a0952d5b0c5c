using System.Globalization;

namespace Pipeline.Components.Coverage;

/// <summary>A share from 0 to 100, shown as <c>42.1%</c> (cut, never rounded up, to one decimal: 49.96 is not shown as 50%).</summary>
public readonly record struct Percentage : IComparable<Percentage>
{
    public Percentage(double value)
    {
        if (double.IsNaN(value) || value is < 0 or > 100)
        {
            throw new ArgumentOutOfRangeException(nameof(value), value, "A percentage is between 0 and 100.");
        }

        Value = value;
    }

    /// <summary>From 0 to 100.</summary>
    public double Value { get; }

    /// <summary><paramref name="part"/> of <paramref name="whole"/>; the whole must not be empty.</summary>
    public static Percentage Of(int part, int whole) =>
        whole > 0 ? new Percentage(100.0 * part / whole) : throw new ArgumentOutOfRangeException(nameof(whole), "There is no share of nothing.");

    public int CompareTo(Percentage other) => Value.CompareTo(other.Value);

    public static bool operator <(Percentage left, Percentage right) => left.Value < right.Value;

    public static bool operator >(Percentage left, Percentage right) => left.Value > right.Value;

    public static bool operator <=(Percentage left, Percentage right) => left.Value <= right.Value;

    public static bool operator >=(Percentage left, Percentage right) => left.Value >= right.Value;

    public override string ToString() =>
        (Math.Floor(Value * 10) / 10).ToString("0.#", CultureInfo.InvariantCulture) + "%";
}
