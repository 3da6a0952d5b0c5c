using Pipeline;
using Pipeline.Components.Services;

namespace AccountsService.Build;

/// <summary>
/// The throwaway environment the smoke test runs in: a Docker network with PostgreSQL and Redis on it
/// (not published: only the service reaches them), started fresh for every deploy.
/// </summary>
public static class SmokeEnvironment
{
    public const string Network = "accounts-smoke";

    public const string Postgres = "accounts-smoke-postgres";

    public const string Redis = "accounts-smoke-redis";

    /// <summary>How the deployed service reaches its stores on <see cref="Network"/>.</summary>
    public static IReadOnlyList<string> ServiceArguments =>
    [
        "--network", Network,
        "--env", $"DATABASE_URL=Host={Postgres};Port=5432;Username=accounts;Password=accounts;Database=accounts;SSL Mode=Disable",
        "--env", $"REDIS_URL={Redis}:6379",
    ];

    /// <summary>Starts the stores afresh; the previous deploy's <paramref name="service"/> container goes too, as it holds the network.</summary>
    public static async Task StartAsync(TargetContext context, string service)
    {
        await RemoveAsync(context, service);
        await context.RunAsync("docker", "network", "create", "--label", "pipeline.environment=smoke", Network);
        // The images the tests use, so a machine without Docker Hub runs its local builds (PIPELINE_*_IMAGE).
        await context.RunAsync("docker", [
            "run", "--detach", "--name", Postgres, "--network", Network,
            .. Stores.Postgres.Environment.SelectMany(e => new[] { "--env", $"{e.Key}={e.Value}" }),
            ServiceImages.Local(Stores.Postgres.Image, context.Variables)]);
        await context.RunAsync("docker", "run", "--detach", "--name", Redis, "--network", Network, ServiceImages.Local(Stores.Redis.Image, context.Variables));
        context.Log.Info($"the smoke environment's PostgreSQL and Redis run on the network {Network}");
    }

    /// <summary>Removes the stores and the network (the service's container too), whatever is left of them.</summary>
    public static async Task RemoveAsync(TargetContext context, string? service = null)
    {
        string[] containers = service is null ? [Postgres, Redis] : [service, Postgres, Redis];
        await context.RunAsync(new ToolCommand("docker").AddArguments(["rm", "--force", "--volumes", .. containers]).WithQuietOutput().AcceptingExitCodes(0, 1));
        await context.RunAsync(new ToolCommand("docker").AddArguments("network", "rm", Network).WithQuietOutput().AcceptingExitCodes(0, 1));
    }
}
