using System.Net;
using Pipeline.Delivery.Performance;

namespace Pipeline.Delivery.Tests.Performance;

/// <summary>The arithmetic of a load test on known inputs: percentiles, error rates and the lines a breach is reported with.</summary>
public sealed class PerformanceMeasurementSpecs
{
    private static readonly PerformanceRequest Catalog = PerformanceRequest.Get("/catalog");

    private static List<TimeSpan> Milliseconds(params IEnumerable<int> values) => [.. values.Select(v => TimeSpan.FromMilliseconds(v))];

    [Theory]
    [InlineData(100, 50, 50)]
    [InlineData(100, 95, 95)]
    [InlineData(100, 99, 99)]
    [InlineData(100, 100, 100)]
    [InlineData(20, 95, 19)] // rank ⌈0.95 · 20⌉ = 19
    [InlineData(10, 95, 10)] // rank ⌈9.5⌉ = 10
    [InlineData(10, 50, 5)]
    [InlineData(10, 99, 10)]
    [InlineData(1, 50, 1)]
    [InlineData(1, 99, 1)]
    [InlineData(3, 50, 2)]
    public void A_percentile_is_the_latency_at_its_nearest_rank(int count, double percentile, int expectedMilliseconds)
    {
        var sorted = Milliseconds(Enumerable.Range(1, count));

        Assert.Equal(TimeSpan.FromMilliseconds(expectedMilliseconds), Percentiles.Of(sorted, percentile));
    }

    [Fact]
    public void Statistics_sort_the_latencies_count_timeouts_and_leave_out_connection_errors()
    {
        // 20 answers of 10…200 ms in a shuffled order, a timeout of 2 s and a connection error of 1 ms.
        var samples = Milliseconds(Enumerable.Range(1, 20).Select(i => i * 10).OrderBy(v => (v * 7919) % 23))
            .Select(latency => new RequestSample(Catalog, latency, HttpStatusCode.OK, RequestFailure.None))
            .Append(new RequestSample(Catalog, TimeSpan.FromSeconds(2), null, RequestFailure.Timeout))
            .Append(new RequestSample(Catalog, TimeSpan.FromMilliseconds(1), null, RequestFailure.ConnectionError, "Connection refused"))
            .ToList();

        var statistics = LatencyStatistics.Of(samples)!;

        Assert.Equal(21, statistics.Count);
        Assert.Equal(TimeSpan.FromMilliseconds(110), statistics.P50); // rank 11 of 21
        Assert.Equal(TimeSpan.FromMilliseconds(200), statistics.P95); // rank 20 of 21
        Assert.Equal(TimeSpan.FromSeconds(2), statistics.P99); // rank 21: the timeout
        Assert.Equal(TimeSpan.FromSeconds(2), statistics.Max);
        Assert.Null(LatencyStatistics.Of([samples[^1]]));
    }

    [Fact]
    public void A_breached_budget_reads_as_one_line_with_the_measured_value_and_the_budget()
    {
        // p95 (rank 19 of 20) is 1,240 ms; one request of 20 answered 503.
        var samples = Enumerable.Range(1, 18).Select(i => Sample(i * 50, HttpStatusCode.OK))
            .Append(Sample(1_240, HttpStatusCode.OK))
            .Append(Sample(1_500, HttpStatusCode.ServiceUnavailable))
            .ToList();
        var result = new LoadResult(samples, TimeSpan.FromSeconds(4));

        var checks = ThresholdCheck.All(new PerformanceThresholds { P50 = 2.Seconds(), P95 = 1000.Milliseconds(), MaxErrorRate = 1.Percent(), MinThroughput = 10 }, result);

        Assert.Equal(
            [
                "p50 500 ms within the 2,000 ms budget",
                "p95 1,240 ms over the 1,000 ms budget",
                "error rate 5% (1 of 20 requests) over the 1% budget",
                "throughput 5 requests/s under the 10 requests/s minimum",
            ],
            checks.Select(c => c.Line));
        Assert.Equal([false, true, true, true], checks.Select(c => c.Breached));
        Assert.Equal("1 × 503 ServiceUnavailable", LoadResult.ErrorKinds(samples));
    }

    [Fact]
    public void A_value_at_its_budget_is_within_it_and_one_just_over_shows_the_difference()
    {
        var atBudget = new LoadResult([Sample(1_000, HttpStatusCode.OK)], TimeSpan.FromSeconds(1));
        var justOver = new LoadResult([new RequestSample(Catalog, TimeSpan.FromMilliseconds(1_000.4), HttpStatusCode.OK, RequestFailure.None)], TimeSpan.FromSeconds(1));
        var thresholds = new PerformanceThresholds { P95 = 1000.Milliseconds(), MaxErrorRate = 0.Percent() };

        Assert.All(ThresholdCheck.All(thresholds, atBudget), c => Assert.False(c.Breached, c.Line));
        Assert.Equal("p95 1,000.4 ms over the 1,000 ms budget", ThresholdCheck.All(thresholds, justOver)[0].Line);
    }

    [Fact]
    public void Shares_and_durations_read_as_the_gate_is_written()
    {
        Assert.Equal(1, 1.Percent().Percent);
        Assert.Equal(0.5, 0.5.Percent().Percent);
        Assert.Equal("5%", Share.Of(10, 200).ToString());
        Assert.Equal("0.25%", Share.Of(1, 400).ToString());
        Assert.Equal("0%", Share.Of(0, 0).ToString());
        Assert.True(Share.Of(2, 100) > 1.Percent());
        Assert.Equal(TimeSpan.FromSeconds(1), 1000.Milliseconds());
        Assert.Equal(TimeSpan.FromMilliseconds(1500), 1.5.Seconds());
        Assert.Equal(TimeSpan.FromMilliseconds(1000), PerformanceThresholds.Default.P95);
        Assert.Equal(1.Percent(), PerformanceThresholds.Default.MaxErrorRate);
        Assert.Equal("200 requests, 4 at a time, after 10 warm-up requests", LoadProfile.Default.ToString());
    }

    [Fact]
    public void A_request_succeeds_only_with_its_expected_status_and_says_what_it_is()
    {
        var order = PerformanceRequest.Post("/orders", new { Item = "book", Quantity = 2 }).Expecting(HttpStatusCode.Created);

        Assert.Equal("POST /orders", order.ToString());
        Assert.Equal(HttpStatusCode.Created, order.ExpectedStatus);
        Assert.Equal("{\"item\":\"book\",\"quantity\":2}", order.JsonBody);
        Assert.Equal(HttpStatusCode.OK, Catalog.ExpectedStatus);
        Assert.Equal(PerformanceRequest.Get("/catalog"), Catalog);
    }

    private static RequestSample Sample(int milliseconds, HttpStatusCode status) =>
        new(Catalog, TimeSpan.FromMilliseconds(milliseconds), status, status == HttpStatusCode.OK ? RequestFailure.None : RequestFailure.UnexpectedStatus);
}
