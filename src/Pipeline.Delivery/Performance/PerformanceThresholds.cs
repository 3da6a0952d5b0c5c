using System.Globalization;

namespace Pipeline.Delivery.Performance;

/// <summary>
/// What a load test must stay within, each a budget the measured value may reach but not pass; a
/// threshold left null is measured and shown, never failed. Latencies are of all requests together.
/// <code>new PerformanceThresholds { P95 = 1000.Milliseconds(), MaxErrorRate = 1.Percent() }</code>
/// A budget that no measurement could meet (a latency that is not positive) is refused when it is set,
/// which makes the target's definition wrong: planning and every run stop with one line.
/// </summary>
public sealed record PerformanceThresholds
{
    private readonly TimeSpan? _p50;
    private readonly TimeSpan? _p95;
    private readonly TimeSpan? _p99;
    private readonly double? _minThroughput;

    /// <summary>The seed's gates: p95 within 1,000 ms and at most 1% of the requests failed.</summary>
    public static PerformanceThresholds Default { get; } = new() { P95 = TimeSpan.FromMilliseconds(1000), MaxErrorRate = new Share(1) };

    /// <summary>The most the median request may take.</summary>
    public TimeSpan? P50 { get => _p50; init => _p50 = Positive(value, "p50"); }

    /// <summary>The most the 95th percentile may take: 95 of 100 requests are answered at least this fast.</summary>
    public TimeSpan? P95 { get => _p95; init => _p95 = Positive(value, "p95"); }

    /// <summary>The most the 99th percentile may take.</summary>
    public TimeSpan? P99 { get => _p99; init => _p99 = Positive(value, "p99"); }

    /// <summary>The largest share of requests that may fail: an unexpected status, a timeout or a connection error.</summary>
    public Share? MaxErrorRate { get; init; }

    /// <summary>The fewest requests per second the service must answer, at the load profile's concurrency.</summary>
    public double? MinThroughput
    {
        get => _minThroughput;
        init => _minThroughput = value is null || (double.IsFinite(value.Value) && value > 0)
            ? value
            : throw new ArgumentOutOfRangeException(
                nameof(MinThroughput), $"The throughput minimum {value.Value.ToString(CultureInfo.InvariantCulture)} requests/s is not a rate: give a positive number of requests per second.");
    }

    private static TimeSpan? Positive(TimeSpan? value, string percentile) =>
        value is null || value > TimeSpan.Zero
            ? value
            : throw new ArgumentOutOfRangeException(
                percentile.ToUpperInvariant(), $"The {percentile} budget {Durations.Format(value.Value)} is no time a request can take: give a positive one, such as 1000.Milliseconds().");
}
