using System.Globalization;

namespace Pipeline.Delivery.Performance;

/// <summary>
/// A share of the requests, from 0% to 100%: an error rate and its budget. Made with
/// <see cref="PerformanceUnits"/>: <c>1.Percent()</c>, <c>0.5.Percent()</c>.
/// </summary>
public readonly record struct Share : IComparable<Share>
{
    /// <param name="percent">From 0 to 100.</param>
    public Share(double percent)
    {
        if (double.IsNaN(percent) || percent is < 0 or > 100)
        {
            throw new ArgumentOutOfRangeException(
                nameof(percent), $"{percent.ToString("0.##", CultureInfo.InvariantCulture)}% is not a share of the requests: give one from 0% to 100%.");
        }

        Percent = percent;
    }

    /// <summary>From 0 to 100.</summary>
    public double Percent { get; }

    /// <summary><paramref name="part"/> of <paramref name="whole"/> requests; none of none is 0%.</summary>
    public static Share Of(int part, int whole)
    {
        ArgumentOutOfRangeException.ThrowIfNegative(part);
        ArgumentOutOfRangeException.ThrowIfGreaterThan(part, whole);
        return whole == 0 ? new Share(0) : new Share(100.0 * part / whole);
    }

    public int CompareTo(Share other) => Percent.CompareTo(other.Percent);

    public static bool operator <(Share left, Share right) => left.Percent < right.Percent;

    public static bool operator >(Share left, Share right) => left.Percent > right.Percent;

    public static bool operator <=(Share left, Share right) => left.Percent <= right.Percent;

    public static bool operator >=(Share left, Share right) => left.Percent >= right.Percent;

    /// <summary>Up to two decimals: <c>5%</c>, <c>0.25%</c>.</summary>
    public override string ToString() => Percent.ToString("0.##", CultureInfo.InvariantCulture) + "%";
}
