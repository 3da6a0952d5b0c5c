using Pipeline;
using Pipeline.Delivery.Performance;

namespace StagedRelease.Build;

/// <summary>
/// The seed's performance gate on staging, after its functional tests: the health check and the
/// catalogue under load, p95 within 1,000 ms and at most 1% errors, or production is not deployed.
/// </summary>
public sealed class PerformanceTests : PerformanceTarget
{
    protected override IReadOnlyList<PerformanceRequest> Requests =>
        [PerformanceRequest.Get("/health"), PerformanceRequest.Get("/items"), PerformanceRequest.Get("/items/no-such-item").Expecting(System.Net.HttpStatusCode.NotFound)];

    protected override PerformanceThresholds Thresholds => new() { P95 = 1000.Milliseconds(), MaxErrorRate = 1.Percent() };

    protected override LoadProfile Load => LoadProfile.Requests(300) with { Concurrency = 4, WarmUpRequests = 10 };

    protected override void Extend(TargetSpec target) => target
        .Description("Load-tests staging: p95 within 1,000 ms, at most 1% errors")
        .DependsOn<StagingTests>();
}
