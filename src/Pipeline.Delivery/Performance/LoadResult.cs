using System.Globalization;

namespace Pipeline.Delivery.Performance;

/// <summary>The measured requests of a load test and how long they took together.</summary>
internal sealed class LoadResult
{
    public LoadResult(IReadOnlyList<RequestSample> samples, TimeSpan elapsed)
    {
        Samples = samples;
        Elapsed = elapsed;
        Latency = LatencyStatistics.Of(samples);
        Errors = samples.Count(s => s.IsError);
    }

    /// <summary>In the order they were sent.</summary>
    public IReadOnlyList<RequestSample> Samples { get; }

    /// <summary>From the first measured request sent to the last answered.</summary>
    public TimeSpan Elapsed { get; }

    /// <summary>Of all requests together; null when none had a latency.</summary>
    public LatencyStatistics? Latency { get; }

    public int Errors { get; }

    public Share ErrorRate => Share.Of(Errors, Samples.Count);

    /// <summary>Requests answered or failed per second over <see cref="Elapsed"/>.</summary>
    public double Throughput => Elapsed > TimeSpan.Zero ? Samples.Count / Elapsed.TotalSeconds : 0;

    /// <summary>The samples of each distinct request, in the order they were listed.</summary>
    public IEnumerable<IGrouping<PerformanceRequest, RequestSample>> ByRequest => Samples.GroupBy(s => s.Request);

    /// <summary>What went wrong, counted by kind: <c>10 × 500, 3 timeouts, 1 connection error</c>; empty without errors.</summary>
    public static string ErrorKinds(IEnumerable<RequestSample> samples)
    {
        var errors = samples.Where(s => s.IsError).ToList();
        var statuses = errors.Where(s => s.Failure == RequestFailure.UnexpectedStatus)
            .GroupBy(s => s.Status!.Value)
            .OrderBy(g => g.Key)
            .Select(g => $"{Count(g.Count())} × {(int)g.Key} {g.Key}");
        var timeouts = errors.Count(s => s.Failure == RequestFailure.Timeout);
        var connections = errors.Count(s => s.Failure == RequestFailure.ConnectionError);
        return string.Join(", ", statuses
            .Concat(timeouts == 0 ? [] : [Plural(timeouts, "timeout")])
            .Concat(connections == 0 ? [] : [Plural(connections, "connection error")]));
    }

    /// <summary>The first connection error's message, so the log says why (refused, reset, name not found).</summary>
    public string? FirstConnectionError => Samples.FirstOrDefault(s => s.Failure == RequestFailure.ConnectionError)?.Error;

    public static string Plural(int count, string noun) => $"{Count(count)} {noun}{(count == 1 ? "" : "s")}";

    private static string Count(int count) => count.ToString("N0", CultureInfo.InvariantCulture);
}
