using Pipeline.Delivery.Performance;

namespace Pipeline.Delivery.Tests.Performance;

/// <summary>What a spec's performance target sends and gates on, read each time the target asks (so a bad value throws there, as a user's would).</summary>
public sealed record LoadTest(Func<IReadOnlyList<PerformanceRequest>> Requests, Func<PerformanceThresholds> Thresholds, Func<LoadProfile> Load);

/// <summary>The performance target of the specs: a pipeline's own would override the same three members.</summary>
public sealed class PerformanceTests(LoadTest test) : PerformanceTarget
{
    protected override IReadOnlyList<PerformanceRequest> Requests => test.Requests();

    protected override PerformanceThresholds Thresholds => test.Thresholds();

    protected override LoadProfile Load => test.Load();
}
