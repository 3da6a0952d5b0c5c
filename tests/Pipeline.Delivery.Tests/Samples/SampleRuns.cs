namespace Pipeline.Delivery.Tests.Samples;

/// <summary>
/// The samples' end-to-end runs share one collection, so they run one after another: side by side on two
/// cores each one's builds, containers and health checks starved the others into timeouts.
/// </summary>
public static class SampleRuns
{
    public const string Collection = "Sample runs, one at a time";
}
