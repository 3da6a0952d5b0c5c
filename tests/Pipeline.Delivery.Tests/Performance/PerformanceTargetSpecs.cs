using System.Globalization;
using System.Text.RegularExpressions;
using Pipeline.Delivery.Performance;
using Pipeline.Delivery.Tests.Support;

namespace Pipeline.Delivery.Tests.Performance;

/// <summary>
/// The performance target against a real HTTP service on 127.0.0.1 that answers requests side by side
/// and can be made slow or failing. The assertions are on what the target measured and decided, never
/// on how fast the test itself ran.
/// </summary>
public sealed partial class PerformanceTargetSpecs
{
    private static readonly PerformanceThresholds SeedGates = new() { P95 = 1000.Milliseconds(), MaxErrorRate = 1.Percent() };

    private static PipelineBuilder Pipeline(LoadTest test) => new PipelineBuilder().Add<PerformanceTests>().Provide(test);

    private static LoadTest Test(IReadOnlyList<PerformanceRequest> requests, PerformanceThresholds thresholds, LoadProfile load) =>
        new(() => requests, () => thresholds, () => load);

    private static FakeHttpServer Service(Func<FakeRequest, CancellationToken, Task<FakeResponse>> handler) => FakeHttpServer.Concurrent(handler);

    private static Task<FakeResponse> Ok(string body = "{}") => Task.FromResult(new FakeResponse(200, body));

    private static Task<PipelineRun> RunAsync(LoadTest test, FakeHttpServer service, TempRoot root, IReadOnlyDictionary<string, string>? variables = null) =>
        PipelineRun.RunAsync(Pipeline(test), root.Path, variables ?? new Dictionary<string, string>(), "PerformanceTests", "--performance-url", service.BaseAddress.ToString());

    [Fact]
    public async Task A_service_within_budget_passes_and_shows_its_latencies_in_the_log_the_step_summary_and_the_run_report()
    {
        using var service = Service((request, _) => request.Path switch
        {
            "/health" => Ok(),
            "/catalog" => Ok("[{\"id\":\"1\"}]"),
            _ => Task.FromResult(new FakeResponse(404, "{}")),
        });
        using var root = new TempRoot();
        var summary = root.Path / "summary.md";
        var actions = new Dictionary<string, string> { ["GITHUB_ACTIONS"] = "true", ["GITHUB_STEP_SUMMARY"] = summary };
        // A generous budget: the gate must pass on a busy machine too; the breaching specs use tight ones.
        var test = Test(
            [PerformanceRequest.Get("/health"), PerformanceRequest.Get("/catalog")],
            SeedGates with { P95 = 5.Seconds() },
            LoadProfile.Requests(40) with { Concurrency = 4, WarmUpRequests = 6 });

        var run = (await RunAsync(test, service, root, actions)).Succeeded();

        // 6 warm-up and 40 measured requests, the two paths in turn.
        Assert.Equal(23, service.Requests.Count(r => r.Path == "/health"));
        Assert.Equal(23, service.Requests.Count(r => r.Path == "/catalog"));
        Assert.Contains($"load-testing {service.BaseAddress}: 40 requests, 4 at a time, after 6 warm-up requests; GET /health, GET /catalog", run.Output, StringComparison.Ordinal);
        Assert.Matches(@"GET /health +20 +0 +[\d.,]+ ms", run.Output);
        Assert.Matches(@"GET /catalog +20 +0 +[\d.,]+ ms", run.Output);
        Assert.Matches(@"all +40 +0 +[\d.,]+ ms", run.Output);
        Assert.True(run.Output.IndexOf("GET /health ", StringComparison.Ordinal) < run.Output.IndexOf("GET /catalog ", StringComparison.Ordinal), "rows in the order the requests are listed");
        Assert.Matches(@"error rate +1% +0% \(0 of 40 requests\) +ok", run.Output);

        var markdown = await File.ReadAllTextAsync(summary, TestContext.Current.CancellationToken);
        Assert.Contains($"### Performance of {service.BaseAddress}", markdown, StringComparison.Ordinal);
        Assert.Contains("| Request | Requests | Errors | p50 | p95 | p99 | Max |", markdown, StringComparison.Ordinal);
        Assert.Matches(@"\| GET /catalog \| 20 \| 0 \| [\d.,]+ ms \|", markdown);
        Assert.Matches(@"\| p95 \| 5,000 ms \| [\d.,]+ ms \| ok \|", markdown);

        var report = await File.ReadAllTextAsync(root.Path / "artifacts" / "report" / "index.html", TestContext.Current.CancellationToken);
        Assert.Contains($"Performance of {service.BaseAddress}", report, StringComparison.Ordinal);
        Assert.Matches(@"p95 [\d.,]+ ms within the 5,000 ms budget; error rate 0% \(0 of 40 requests\) within the 1% budget", report);
        Assert.Contains("GET /catalog", report, StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_slow_service_breaches_the_p95_budget_with_one_line_and_no_stack_trace()
    {
        using var service = Service(async (_, stopping) =>
        {
            await Task.Delay(300, stopping);
            return new FakeResponse(200, "{}");
        });
        using var root = new TempRoot();
        var test = Test([PerformanceRequest.Get("/catalog")], SeedGates with { P95 = 100.Milliseconds() }, LoadProfile.Requests(12) with { Concurrency = 4, WarmUpRequests = 0 });

        var run = await RunAsync(test, service, root);

        Assert.Equal(ExitCodes.TargetFailed, run.ExitCode);
        var breach = P95Breach().Match(run.Output);
        Assert.True(breach.Success, run.Output);
        Assert.True(double.Parse(breach.Groups["ms"].Value, NumberStyles.Number, CultureInfo.InvariantCulture) >= 300, breach.Value); // no answer comes before the service's 300 ms
        Assert.Matches(@"error rate +1% +0% \(0 of 12 requests\) +ok", run.Output); // only the latency is breached
        Assert.DoesNotContain("error rate 0% (0 of 12 requests) over", run.Output, StringComparison.Ordinal);
        Assert.DoesNotContain("   at ", run.Output, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Five_percent_of_500s_breaches_the_one_percent_error_rate()
    {
        using var service = Service((request, _) => request.Path == "/catalog/broken"
            ? Task.FromResult(new FakeResponse(500, "{\"error\":\"boom\"}"))
            : Ok());
        using var root = new TempRoot();
        // One request in 20 goes to the broken path: 10 of 200.
        var requests = Enumerable.Repeat(PerformanceRequest.Get("/catalog"), 19).Append(PerformanceRequest.Get("/catalog/broken")).ToList();
        var test = Test(requests, SeedGates with { P95 = 5.Seconds() }, LoadProfile.Requests(200) with { Concurrency = 4 });

        var run = await RunAsync(test, service, root);

        Assert.Equal(ExitCodes.TargetFailed, run.ExitCode);
        Assert.Contains("error rate 5% (10 of 200 requests) over the 1% budget", run.Output, StringComparison.Ordinal);
        Assert.Matches(@"GET /catalog/broken +10 +10 \(10 × 500 InternalServerError\)", run.Output);
        Assert.Matches(@"GET /catalog +190 +0 ", run.Output);
        Assert.DoesNotMatch(@"p95 [\d.,]+ ms over", run.Output);
        Assert.DoesNotContain("   at ", run.Output, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Requests_without_an_answer_in_time_count_as_timeouts_and_their_wait_counts_in_the_latencies()
    {
        using var service = Service(async (request, stopping) =>
        {
            if (request.Path == "/slow")
            {
                await Task.Delay(TimeSpan.FromSeconds(30), stopping);
            }

            return new FakeResponse(200, "{}");
        });
        using var root = new TempRoot();
        var test = Test(
            [PerformanceRequest.Get("/fast"), PerformanceRequest.Get("/slow")],
            new PerformanceThresholds { MaxErrorRate = 10.Percent(), P99 = 30.Seconds() },
            LoadProfile.Requests(8) with { Concurrency = 4, WarmUpRequests = 0, RequestTimeout = 1.Seconds() });

        var run = await RunAsync(test, service, root);

        Assert.Equal(ExitCodes.TargetFailed, run.ExitCode);
        Assert.Matches(@"GET /slow +4 +4 \(4 timeouts\)", run.Output);
        Assert.Matches(@"GET /fast +4 +0 ", run.Output);
        Assert.Contains("error rate 50% (4 of 8 requests) over the 10% budget", run.Output, StringComparison.Ordinal);
        // A timed-out request took at least its timeout: p99 is one of them, not a fast answer.
        var p99 = P99Row().Match(run.Output);
        Assert.True(p99.Success, run.Output);
        Assert.True(double.Parse(p99.Groups["ms"].Value, NumberStyles.Number, CultureInfo.InvariantCulture) >= 1000, p99.Value);
    }

    [Fact]
    public async Task An_address_where_nothing_listens_fails_with_connection_errors_and_no_latency()
    {
        var port = FakeHttpServer.FreePort();
        using var root = new TempRoot();
        var test = Test([PerformanceRequest.Get("/health")], SeedGates, LoadProfile.Requests(5) with { Concurrency = 1, WarmUpRequests = 0 });

        var run = await PipelineRun.RunAsync(Pipeline(test), root.Path, "PerformanceTests", "--performance-url", $"http://127.0.0.1:{port}/");

        Assert.Equal(ExitCodes.TargetFailed, run.ExitCode);
        Assert.Matches(@"GET /health +5 +5 \(5 connection errors\) +– +– +– +–", run.Output);
        Assert.Contains("p95 not measured: no request reached the service, so the 1,000 ms budget is not met", run.Output, StringComparison.Ordinal);
        Assert.Contains("error rate 100% (5 of 5 requests) over the 1% budget", run.Output, StringComparison.Ordinal);
        Assert.Contains("the first connection error: ", run.Output, StringComparison.Ordinal);
        Assert.DoesNotContain("   at ", run.Output, StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_timed_load_test_measures_every_request_it_sent_after_the_warm_up()
    {
        using var service = Service((_, _) => Ok());
        using var root = new TempRoot();
        var test = Test([PerformanceRequest.Get("/health")], SeedGates with { P95 = 5.Seconds() }, LoadProfile.For(500.Milliseconds()) with { Concurrency = 2, WarmUpRequests = 4 });

        var run = (await RunAsync(test, service, root)).Succeeded();

        Assert.Contains("requests for 0.5 s, 2 at a time, after 4 warm-up requests", run.Output, StringComparison.Ordinal);
        var totals = TotalsLine().Match(run.Output);
        Assert.True(totals.Success, run.Output);
        var measured = int.Parse(totals.Groups["count"].Value, NumberStyles.Number, CultureInfo.InvariantCulture);
        Assert.True(measured > 0, totals.Value);
        Assert.Equal(service.Requests.Count - 4, measured);
    }

    [Fact]
    public async Task Without_an_address_it_reads_where_DeployStaging_put_the_service()
    {
        using var service = Service((_, _) => Ok());
        using var root = new TempRoot();
        DeployedEnvironments.In(root.Path).Record(
            new DeployedEnvironment("staging", "shop", "shop:abc1234", service.BaseAddress, DeploymentOutcome.Updated, "local-docker"));
        var test = Test([PerformanceRequest.Get("/health")], SeedGates with { P95 = 5.Seconds() }, LoadProfile.Requests(3) with { Concurrency = 1, WarmUpRequests = 0 });

        (await PipelineRun.RunAsync(Pipeline(test), root.Path, "PerformanceTests")).Succeeded();

        Assert.Equal(3, service.Requests.Count(r => r.Path == "/health"));
    }

    [Fact]
    public async Task Without_an_address_or_a_deployment_it_says_how_to_give_one()
    {
        using var root = new TempRoot();
        var test = Test([PerformanceRequest.Get("/health")], SeedGates, LoadProfile.Default);

        var run = await PipelineRun.RunAsync(Pipeline(test), root.Path, "PerformanceTests");

        Assert.Equal(ExitCodes.TargetFailed, run.ExitCode);
        Assert.Contains("PerformanceTests does not know where the service answers: run DeployStaging first or pass --performance-url", run.Output, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Cancelling_the_run_stops_the_load_test_between_and_during_requests()
    {
        using var cancel = new CancellationTokenSource();
        var answered = 0;
        using var service = Service(async (_, stopping) =>
        {
            if (Interlocked.Increment(ref answered) == 5)
            {
                await cancel.CancelAsync(); // Ctrl+C while requests are in flight
            }

            await Task.Delay(20, stopping);
            return new FakeResponse(200, "{}");
        });
        using var root = new TempRoot();
        var test = Test([PerformanceRequest.Get("/health")], SeedGates, LoadProfile.For(TimeSpan.FromMinutes(2)) with { Concurrency = 2, WarmUpRequests = 0 });

        var run = await PipelineRun.RunAsync(
            Pipeline(test), root.Path, new Dictionary<string, string>(), cancel.Token, "PerformanceTests", "--performance-url", service.BaseAddress.ToString());

        Assert.Equal(ExitCodes.Canceled, run.ExitCode);
        // Two clients: each stops at its next request at the latest; two minutes of load would be thousands.
        Assert.InRange(service.Requests.Count, 5, 9);
        Assert.DoesNotContain("   at ", run.Output, StringComparison.Ordinal);
    }

    [GeneratedRegex(@"p95 (?<ms>[\d.,]+) ms over the 100 ms budget")]
    private static partial Regex P95Breach();

    [GeneratedRegex(@"│ p99 +30,000 ms +(?<ms>[\d.,]+) ms +ok")]
    private static partial Regex P99Row();

    [GeneratedRegex(@"(?<count>[\d,]+) requests? in [\d.]+ s, 2 at a time: ")]
    private static partial Regex TotalsLine();
}
