using Pipeline;
using Pipeline.Components.Services;

namespace DotNetService.Build;

/// <summary>The PostgreSQL the integration tests use; its settings reach the tests as DATABASE_URL, locally and in CI.</summary>
public static class Database
{
    // A throwaway database on loopback, not a secret: a real password would be .WithEnvironment("POSTGRES_PASSWORD", Parameter.Secret(...)).
    public static readonly ServiceContainer Postgres = new ServiceContainer("postgres", ServiceImages.Postgres)
        .WithEnvironment("POSTGRES_USER", "tickets")
        .WithEnvironment("POSTGRES_PASSWORD", "tickets")
        .WithEnvironment("POSTGRES_DB", "tickets")
        .WithPorts(5432)
        .WithHealthCheck("pg_isready -h 127.0.0.1 -U tickets -d tickets", interval: TimeSpan.FromSeconds(5), retries: 10)
        .Exposes("DATABASE_URL", "Host={host};Port={5432};Username=tickets;Password=tickets;Database=tickets");
}
