namespace Pipeline.Delivery.Performance;

/// <summary>The latency percentiles of a set of requests (those whose time counts: <see cref="RequestSample.HasLatency"/>).</summary>
internal sealed record LatencyStatistics(int Count, TimeSpan P50, TimeSpan P95, TimeSpan P99, TimeSpan Max)
{
    /// <summary>Null when none of <paramref name="samples"/> has a latency (every one failed to connect).</summary>
    public static LatencyStatistics? Of(IEnumerable<RequestSample> samples)
    {
        var sorted = samples.Where(s => s.HasLatency).Select(s => s.Latency).Order().ToList();
        return sorted.Count == 0
            ? null
            : new LatencyStatistics(sorted.Count, Percentiles.Of(sorted, 50), Percentiles.Of(sorted, 95), Percentiles.Of(sorted, 99), sorted[^1]);
    }
}
