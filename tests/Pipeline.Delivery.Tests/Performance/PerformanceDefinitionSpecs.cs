using Pipeline.Delivery.Performance;
using Pipeline.Delivery.Tests.Support;

namespace Pipeline.Delivery.Tests.Performance;

/// <summary>
/// Thresholds, load profiles and requests no load test could meet are the pipeline's own mistake: a
/// definition error of one line, before anything is sent (no service runs in these specs).
/// </summary>
public sealed class PerformanceDefinitionSpecs
{
    private static readonly IReadOnlyList<PerformanceRequest> Health = [PerformanceRequest.Get("/health")];

    private static readonly Dictionary<string, (LoadTest Test, string Message)> Wrong = new()
    {
        ["a negative p95"] = (
            new LoadTest(() => Health, () => new PerformanceThresholds { P95 = (-5).Milliseconds() }, () => LoadProfile.Default),
            "PerformanceTests: The p95 budget -5 ms is no time a request can take: give a positive one, such as 1000.Milliseconds()."),
        ["a zero p99"] = (
            new LoadTest(() => Health, () => new PerformanceThresholds { P99 = TimeSpan.Zero }, () => LoadProfile.Default),
            "PerformanceTests: The p99 budget 0 ms is no time a request can take"),
        ["an error rate over 100%"] = (
            new LoadTest(() => Health, () => new PerformanceThresholds { MaxErrorRate = 150.Percent() }, () => LoadProfile.Default),
            "PerformanceTests: 150% is not a share of the requests: give one from 0% to 100%."),
        ["a negative error rate"] = (
            new LoadTest(() => Health, () => new PerformanceThresholds { MaxErrorRate = (-1).Percent() }, () => LoadProfile.Default),
            "PerformanceTests: -1% is not a share of the requests"),
        ["a negative throughput"] = (
            new LoadTest(() => Health, () => new PerformanceThresholds { MinThroughput = -3 }, () => LoadProfile.Default),
            "PerformanceTests: The throughput minimum -3 requests/s is not a rate"),
        ["no concurrency"] = (
            new LoadTest(() => Health, () => PerformanceThresholds.Default, () => LoadProfile.Requests(10) with { Concurrency = 0 }),
            "PerformanceTests: A concurrency of 0 is not a number of clients: give one from 1 to 1000."),
        ["no requests to measure"] = (
            new LoadTest(() => Health, () => PerformanceThresholds.Default, () => LoadProfile.Requests(0)),
            "PerformanceTests: A load test of 0 requests measures nothing: give at least 1."),
        ["a negative duration"] = (
            new LoadTest(() => Health, () => PerformanceThresholds.Default, () => LoadProfile.For((-2).Seconds())),
            "PerformanceTests: A load test of -2,000 ms measures nothing"),
        ["a zero request timeout"] = (
            new LoadTest(() => Health, () => PerformanceThresholds.Default, () => LoadProfile.Default with { RequestTimeout = TimeSpan.Zero }),
            "PerformanceTests: A request timeout of 0 ms lets no request finish"),
        ["a full address instead of a path"] = (
            new LoadTest(() => [PerformanceRequest.Get("http://shop.example.com/health")], () => PerformanceThresholds.Default, () => LoadProfile.Default),
            "PerformanceTests: The request path 'http://shop.example.com/health' is not a path on the service: give one such as /health"),
        ["no requests"] = (
            new LoadTest(() => [], () => PerformanceThresholds.Default, () => LoadProfile.Default),
            "PerformanceTests lists no requests to send: give Requests at least one, such as PerformanceRequest.Get(\"/health\")."),
    };

    public static TheoryData<string> WrongDefinitions() => [.. Wrong.Keys];

    [Theory]
    [MemberData(nameof(WrongDefinitions))]
    public async Task A_wrong_definition_stops_the_run_with_one_line(string wrong)
    {
        var (test, message) = Wrong[wrong];
        using var root = new TempRoot();

        var run = await PipelineRun.RunAsync(new PipelineBuilder().Add<PerformanceTests>().Provide(test), root.Path, "PerformanceTests", "--performance-url", "http://127.0.0.1:9/");

        Assert.True(run.ExitCode == ExitCodes.Definition, $"{wrong}: exited {run.ExitCode}\n{run.Output}");
        var line = Assert.Single(run.Output.Split('\n'), l => l.Contains(message, StringComparison.Ordinal));
        Assert.DoesNotContain("Parameter '", line, StringComparison.Ordinal);
        Assert.DoesNotContain("   at ", run.Output, StringComparison.Ordinal);
        Assert.DoesNotContain("Actual value", run.Output, StringComparison.Ordinal);
    }
}
