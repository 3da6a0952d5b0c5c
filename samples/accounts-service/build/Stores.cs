using Pipeline;
using Pipeline.Components.Services;

namespace AccountsService.Build;

/// <summary>The service's two stores, as the tests' service containers (locally Testcontainers, in CI the job's services).</summary>
public static class Stores
{
    // A throwaway database on loopback, not a secret: a real password would be .WithEnvironment("POSTGRES_PASSWORD", Parameter.Secret(...)).
    public static readonly ServiceContainer Postgres = new ServiceContainer("postgres", ServiceImages.Postgres)
        .WithEnvironment("POSTGRES_USER", "accounts")
        .WithEnvironment("POSTGRES_PASSWORD", "accounts")
        .WithEnvironment("POSTGRES_DB", "accounts")
        .WithPorts(5432)
        .WithHealthCheck("pg_isready -h 127.0.0.1 -U accounts -d accounts", interval: TimeSpan.FromSeconds(5), retries: 10)
        .Exposes("DATABASE_URL", "Host={host};Port={5432};Username=accounts;Password=accounts;Database=accounts");

    /// <summary>Sessions: REDIS_URL is <c>host:port</c>.</summary>
    public static readonly ServiceContainer Redis = StandardServices.Redis();
}
