namespace Pipeline.Delivery.Performance;

/// <summary>
/// Budgets as the gate is written: <c>1000.Milliseconds()</c>, <c>2.Seconds()</c>, <c>1.Percent()</c>.
/// A duration is a plain <see cref="TimeSpan"/>; the thresholds and the load profile refuse one that is not positive.
/// </summary>
public static class PerformanceUnits
{
    public static TimeSpan Milliseconds(this int value) => TimeSpan.FromMilliseconds(value);

    public static TimeSpan Seconds(this int value) => TimeSpan.FromSeconds(value);

    public static TimeSpan Seconds(this double value) => TimeSpan.FromSeconds(value);

    public static Share Percent(this int value) => new(value);

    public static Share Percent(this double value) => new(value);
}
