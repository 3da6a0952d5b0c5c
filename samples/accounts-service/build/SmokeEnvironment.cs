using Pipeline;
using Pipeline.Components.Services;
using Pipeline.Delivery;

namespace AccountsService.Build;

/// <summary>
/// The throwaway environment the smoke test runs in: a Docker network with PostgreSQL and Redis on it
/// (not published: only the service and its executor reach them), started fresh for every deploy.
/// </summary>
public static class SmokeEnvironment
{
    public const string Network = "accounts-smoke";

    public const string Postgres = "accounts-smoke-postgres";

    public const string Redis = "accounts-smoke-redis";

    /// <summary>The welcome executor's container, beside the service's.</summary>
    public const string Executor = "accounts-smoke-executor";

    /// <summary>How the deployed service and executor reach their stores on <see cref="Network"/>.</summary>
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

    /// <summary>Starts the executor from its pushed image; it waits for the stores itself, as it would for a restarted one.</summary>
    public static async Task StartExecutorAsync(TargetContext context, ImageReference image)
    {
        await context.RunAsync("docker", ["run", "--detach", "--name", Executor, .. ServiceArguments, image.ToString()]);
        context.Log.Info($"the executor runs beside the service: {image}");
    }

    /// <summary>Removes the executor, the stores and the network (the service's container too), whatever is left of them.</summary>
    public static async Task RemoveAsync(TargetContext context, string? service = null)
    {
        string[] containers = service is null ? [Executor, Postgres, Redis] : [service, Executor, Postgres, Redis];
        await context.RunAsync(new ToolCommand("docker").AddArguments(["rm", "--force", "--volumes", .. containers]).WithQuietOutput().AcceptingExitCodes(0, 1));
        await context.RunAsync(new ToolCommand("docker").AddArguments("network", "rm", Network).WithQuietOutput().AcceptingExitCodes(0, 1));
    }
}
