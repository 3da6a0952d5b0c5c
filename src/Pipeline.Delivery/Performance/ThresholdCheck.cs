using System.Globalization;

namespace Pipeline.Delivery.Performance;

/// <summary>One threshold against what was measured: <c>p95 1,240 ms over the 1,000 ms budget</c>.</summary>
internal sealed record ThresholdCheck(string Name, string Budget, string Measured, bool Breached, string Line)
{
    /// <summary>A check for each threshold that is set, in the order p50, p95, p99, error rate, throughput.</summary>
    public static IReadOnlyList<ThresholdCheck> All(PerformanceThresholds thresholds, LoadResult result)
    {
        ArgumentNullException.ThrowIfNull(thresholds);
        ArgumentNullException.ThrowIfNull(result);
        var checks = new List<ThresholdCheck>();
        Latency(checks, "p50", thresholds.P50, result.Latency?.P50);
        Latency(checks, "p95", thresholds.P95, result.Latency?.P95);
        Latency(checks, "p99", thresholds.P99, result.Latency?.P99);
        if (thresholds.MaxErrorRate is { } maxErrorRate)
        {
            var rate = result.ErrorRate;
            var measured = $"{rate} ({result.Errors.ToString("N0", CultureInfo.InvariantCulture)} of {result.Samples.Count.ToString("N0", CultureInfo.InvariantCulture)} requests)";
            var breached = rate > maxErrorRate;
            checks.Add(new("error rate", maxErrorRate.ToString(), measured, breached, $"error rate {measured} {(breached ? "over" : "within")} the {maxErrorRate} budget"));
        }

        if (thresholds.MinThroughput is { } minimum)
        {
            var measured = Rate(result.Throughput);
            var breached = result.Throughput < minimum;
            checks.Add(new("throughput", "≥ " + Rate(minimum), measured, breached, $"throughput {measured} {(breached ? "under" : "at or above")} the {Rate(minimum)} minimum"));
        }

        return checks;
    }

    public static string Rate(double requestsPerSecond) => requestsPerSecond.ToString("#,0.#", CultureInfo.InvariantCulture) + " requests/s";

    private static void Latency(List<ThresholdCheck> checks, string name, TimeSpan? budget, TimeSpan? measured)
    {
        if (budget is not { } limit)
        {
            return;
        }

        var budgetText = Durations.Format(limit);
        if (measured is not { } value)
        {
            // Every request failed to connect: there is no latency to hold within the budget.
            checks.Add(new(name, budgetText, "none", true, $"{name} not measured: no request reached the service, so the {budgetText} budget is not met"));
            return;
        }

        var breached = value > limit;
        var valueText = Durations.Format(value);
        if (breached && valueText == budgetText)
        {
            valueText = Durations.Precise(value); // 1,000.4 ms, not "1,000 ms over the 1,000 ms budget"
        }

        checks.Add(new(name, budgetText, valueText, breached, $"{name} {valueText} {(breached ? "over" : "within")} the {budgetText} budget"));
    }
}
