using System.Globalization;

namespace Pipeline.Delivery.Performance;

/// <summary>How latencies and budgets are written: whole milliseconds with a thousands separator (<c>1,240 ms</c>), a tenth below 10 ms.</summary>
internal static class Durations
{
    public static string Format(TimeSpan value)
    {
        var milliseconds = value.TotalMilliseconds;
        return (Math.Abs(milliseconds) < 10 ? milliseconds.ToString("0.#", CultureInfo.InvariantCulture) : milliseconds.ToString("N0", CultureInfo.InvariantCulture)) + " ms";
    }

    /// <summary>To the microsecond, where whole milliseconds would hide a difference: <c>1,000.4 ms</c>.</summary>
    public static string Precise(TimeSpan value) => value.TotalMilliseconds.ToString("#,0.###", CultureInfo.InvariantCulture) + " ms";

    /// <summary>A run's length in seconds: <c>2.4 s</c>.</summary>
    public static string Seconds(TimeSpan value) => value.TotalSeconds.ToString("0.#", CultureInfo.InvariantCulture) + " s";
}
