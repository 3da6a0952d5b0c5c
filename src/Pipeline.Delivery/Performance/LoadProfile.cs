using System.Globalization;

namespace Pipeline.Delivery.Performance;

/// <summary>
/// How much load a test puts on the service: a number of requests (<see cref="Requests"/>) or a
/// time (<see cref="For"/>), sent by <see cref="Concurrency"/> clients at once, each sending its next
/// request as soon as the last is answered. The first <see cref="WarmUpRequests"/> are sent and not
/// measured (connections, caches and JIT settle).
/// <code>LoadProfile.Requests(500) with { Concurrency = 8, WarmUpRequests = 20 }</code>
/// </summary>
public sealed record LoadProfile
{
    private readonly int _concurrency = 4;
    private readonly int _warmUpRequests = 10;
    private readonly TimeSpan _requestTimeout = TimeSpan.FromSeconds(10);

    private LoadProfile()
    {
    }

    /// <summary>200 requests, 4 at a time, after 10 warm-up requests; 10 s per request at most.</summary>
    public static LoadProfile Default { get; } = Requests(200);

    /// <summary>Measures <paramref name="count"/> requests.</summary>
    public static LoadProfile Requests(int count) =>
        count > 0
            ? new LoadProfile { TotalRequests = count }
            : throw new ArgumentOutOfRangeException(nameof(count), $"A load test of {count} requests measures nothing: give at least 1.");

    /// <summary>Sends requests for <paramref name="duration"/> and measures each (one in flight at the end is waited for).</summary>
    public static LoadProfile For(TimeSpan duration) =>
        duration > TimeSpan.Zero
            ? new LoadProfile { Duration = duration }
            : throw new ArgumentOutOfRangeException(nameof(duration), $"A load test of {Durations.Format(duration)} measures nothing: give a positive duration, such as 30.Seconds().");

    /// <summary>How many requests are measured; null when the test runs for a <see cref="Duration"/>.</summary>
    public int? TotalRequests { get; private init; }

    /// <summary>How long requests are sent; null when the test sends a number of them.</summary>
    public TimeSpan? Duration { get; private init; }

    /// <summary>How many requests are in flight at once (each of them a client waiting for its answer).</summary>
    public int Concurrency
    {
        get => _concurrency;
        init => _concurrency = value is >= 1 and <= 1000
            ? value
            : throw new ArgumentOutOfRangeException(nameof(Concurrency), $"A concurrency of {value} is not a number of clients: give one from 1 to 1000.");
    }

    /// <summary>Sent first, at the same concurrency, and not measured.</summary>
    public int WarmUpRequests
    {
        get => _warmUpRequests;
        init => _warmUpRequests = value >= 0
            ? value
            : throw new ArgumentOutOfRangeException(nameof(WarmUpRequests), $"{value} warm-up requests is not a number of requests: give 0 or more.");
    }

    /// <summary>How long one request may take before it counts as a timeout (an error).</summary>
    public TimeSpan RequestTimeout
    {
        get => _requestTimeout;
        init => _requestTimeout = value > TimeSpan.Zero
            ? value
            : throw new ArgumentOutOfRangeException(nameof(RequestTimeout), $"A request timeout of {Durations.Format(value)} lets no request finish: give a positive one, such as 10.Seconds().");
    }

    /// <summary><c>200 requests, 4 at a time, after 10 warm-up requests</c>.</summary>
    public override string ToString()
    {
        var amount = TotalRequests is { } count
            ? count.ToString("N0", CultureInfo.InvariantCulture) + " requests"
            : "requests for " + Durations.Seconds(Duration!.Value);
        var warmUp = WarmUpRequests == 0 ? "" : $", after {WarmUpRequests.ToString(CultureInfo.InvariantCulture)} warm-up requests";
        return $"{amount}, {Concurrency.ToString(CultureInfo.InvariantCulture)} at a time{warmUp}";
    }
}
