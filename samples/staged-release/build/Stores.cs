using Pipeline;
using Pipeline.Components.Services;

namespace StagedRelease.Build;

/// <summary>
/// The seed's integration-test stores, PostgreSQL 15 and Redis 7, as service containers (locally
/// Testcontainers, in CI the job's <c>services:</c>). The Go tests read <c>DATABASE_URL</c> (a postgres:// URL)
/// and <c>REDIS_URL</c> (<c>host:port</c>), as the service itself does.
/// </summary>
public static class Stores
{
    /// <summary>The seed's PostgreSQL (locally <c>$PIPELINE_POSTGRES_IMAGE</c> when set).</summary>
    public const string PostgresImage = "postgres:15-alpine";

    // The image's default authentication for network clients, scram-sha-256, which the service's own
    // client speaks (internal/store/postgres). A throwaway database on loopback (in CI the job's own
    // network): its password is no secret.
    public static readonly ServiceContainer Postgres = new ServiceContainer("postgres", PostgresImage)
        .WithEnvironment("POSTGRES_USER", "release")
        .WithEnvironment("POSTGRES_PASSWORD", "release")
        .WithEnvironment("POSTGRES_DB", "catalog")
        .WithPorts(5432)
        .WithHealthCheck("pg_isready -h 127.0.0.1 -U release -d catalog", interval: TimeSpan.FromSeconds(5), retries: 10)
        .Exposes("DATABASE_URL", "postgres://release:release@{host}:{5432}/catalog");

    /// <summary>Redis 7, the catalogue's cache.</summary>
    public static readonly ServiceContainer Redis = StandardServices.Redis();
}
