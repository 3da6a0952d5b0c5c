using System.Globalization;

namespace Pipeline.Delivery.ImageSize;

/// <summary>
/// A number of bytes, written in the decimal units <c>docker images</c> lists sizes in (1 MB is
/// 1,000,000 bytes), so a budget reads like the engine's own listing. Made with
/// <see cref="ByteSizeUnits"/>: <c>200.MB()</c>, <c>1.5.GB()</c>.
/// </summary>
public readonly record struct ByteSize : IComparable<ByteSize>
{
    public ByteSize(long bytes)
    {
        ArgumentOutOfRangeException.ThrowIfNegative(bytes);
        Bytes = bytes;
    }

    public long Bytes { get; }

    public static bool operator >(ByteSize left, ByteSize right) => left.Bytes > right.Bytes;

    public static bool operator <(ByteSize left, ByteSize right) => left.Bytes < right.Bytes;

    public static bool operator >=(ByteSize left, ByteSize right) => left.Bytes >= right.Bytes;

    public static bool operator <=(ByteSize left, ByteSize right) => left.Bytes <= right.Bytes;

    public int CompareTo(ByteSize other) => Bytes.CompareTo(other.Bytes);

    /// <summary>The largest unit that keeps a whole part: <c>812 B</c>, <c>4.1 kB</c>, <c>187.3 MB</c>, <c>1.2 GB</c>.</summary>
    public override string ToString() => Bytes switch
    {
        >= ByteSizeUnits.Gigabyte => Scaled(ByteSizeUnits.Gigabyte, "GB"),
        >= ByteSizeUnits.Megabyte => Scaled(ByteSizeUnits.Megabyte, "MB"),
        >= ByteSizeUnits.Kilobyte => Scaled(ByteSizeUnits.Kilobyte, "kB"),
        _ => Bytes.ToString(CultureInfo.InvariantCulture) + " B",
    };

    private string Scaled(long unit, string symbol) => ((double)Bytes / unit).ToString("0.#", CultureInfo.InvariantCulture) + " " + symbol;
}
