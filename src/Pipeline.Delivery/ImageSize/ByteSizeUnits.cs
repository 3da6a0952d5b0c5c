namespace Pipeline.Delivery.ImageSize;

/// <summary>Sizes as a budget is written: <c>200.MB()</c>, <c>512.KB()</c>, <c>1.5.GB()</c> (decimal units, as Docker lists them).</summary>
public static class ByteSizeUnits
{
    public const long Kilobyte = 1_000;

    public const long Megabyte = 1_000_000;

    public const long Gigabyte = 1_000_000_000;

    public static ByteSize Bytes(this long value) => new(value);

    public static ByteSize KB(this int value) => Of(value, Kilobyte);

    public static ByteSize MB(this int value) => Of(value, Megabyte);

    public static ByteSize MB(this double value) => Of(value, Megabyte);

    public static ByteSize GB(this int value) => Of(value, Gigabyte);

    public static ByteSize GB(this double value) => Of(value, Gigabyte);

    private static ByteSize Of(double value, long unit)
    {
        ArgumentOutOfRangeException.ThrowIfNegative(value);
        return new((long)Math.Round(value * unit));
    }
}
