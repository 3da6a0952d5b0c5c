using Pipeline;

namespace RustWorkspace.Build;

/// <summary>
/// The workspace's twelve services (services/&lt;name&gt;, crate and binary &lt;name&gt;-service): the
/// matrix every per-service stage runs over, and where each answers in staging.
/// </summary>
public static class Services
{
    public static readonly MatrixAxis Axis = MatrixAxis.Of(
        "service", "auth", "user", "messaging", "content", "feed", "search", "media", "notification", "streaming", "video", "cdn", "events");

    /// <summary>The seed's limit: six services at a time.</summary>
    public const int MaxParallel = 6;

    /// <summary>The crate, binary and image name of <paramref name="service"/>.</summary>
    public static string Crate(string service) => service + "-service";

    /// <summary>The service of this matrix cell.</summary>
    public static string Of(TargetContext context) => context.Matrix?.Get(Axis) ?? throw new TargetFailedException($"{context.TargetName} runs once per service: it needs its matrix cell.");

    /// <summary>Each service's own staging environment record (its lock, its address).</summary>
    public static string StagingOf(string service) => "staging-" + service;

    /// <summary>Where a service answers in the cluster's staging namespace (its ingress).</summary>
    public static Uri StagingUrl(string service) => new($"https://{service}.staging.example.com/");
}
