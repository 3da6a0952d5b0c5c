namespace Pipeline.Delivery.Performance;

/// <summary>
/// Percentiles by nearest rank: the p-th percentile of n latencies is the one at rank ⌈p/100 · n⌉ in
/// ascending order, a latency that was measured (never an interpolation between two), so "p95 is 1,240 ms"
/// means at least 95% of the requests took at most 1,240 ms and a real request took exactly that.
/// </summary>
internal static class Percentiles
{
    /// <param name="sorted">Ascending, at least one.</param>
    /// <param name="percentile">Above 0, at most 100.</param>
    public static TimeSpan Of(IReadOnlyList<TimeSpan> sorted, double percentile)
    {
        ArgumentNullException.ThrowIfNull(sorted);
        if (sorted.Count == 0)
        {
            throw new ArgumentException("There is no percentile of no latencies.", nameof(sorted));
        }

        if (!(percentile is > 0 and <= 100))
        {
            throw new ArgumentOutOfRangeException(nameof(percentile), "A percentile is above 0 and at most 100.");
        }

        // The rank is computed in integers of hundredths of a percent, so 95% of 20 is rank 19, not 19.000000000000004 → 20.
        var rank = (int)Math.Ceiling(Math.Round(percentile * 100) * sorted.Count / 10_000.0);
        return sorted[Math.Clamp(rank, 1, sorted.Count) - 1];
    }
}
