namespace Pipeline.Components.Services;

/// <summary>
/// Ready-made declarations of common service containers, each reached through the variable it
/// exposes. Locally Testcontainers starts <c>$PIPELINE_&lt;NAME&gt;_IMAGE</c> when set (see <see cref="ServiceImages"/>);
/// a generated workflow names the public image.
/// </summary>
public static class StandardServices
{
    /// <summary>
    /// Redis on port 6379, healthy once it answers PING, exposing <c>REDIS_URL</c> as <c>host:port</c>
    /// (what StackExchange.Redis and most clients take). No password: a throwaway store on loopback.
    /// </summary>
    public static ServiceContainer Redis(string name = "redis") =>
        new ServiceContainer(name, ServiceImages.Redis)
            .WithPorts(6379)
            .WithHealthCheck("redis-cli -h 127.0.0.1 ping | grep -q PONG", interval: TimeSpan.FromSeconds(2), retries: 15)
            .Exposes("REDIS_URL", "{host}:{6379}");
}
