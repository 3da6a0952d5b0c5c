using Pipeline;
using Pipeline.Components.Services;

namespace RustWorkspace.Build;

/// <summary>
/// The seed's integration-test stores, as service containers (locally Testcontainers, in CI the job's
/// <c>services:</c>). Tests read <c>DATABASE_URL</c> (a postgres:// URL) and <c>REDIS_URL</c> (<c>host:port</c>).
/// </summary>
public static class Stores
{
    // POSTGRES_HOST_AUTH_METHOD=password: network clients send the password in clear text, which the
    // workspace's std-only client (crates/store-clients) speaks. The image's default, scram-sha-256,
    // would need SHA-256, HMAC and PBKDF2 written by hand (md5 an MD5) with no crate to download. The
    // database is a throwaway on loopback (in CI, the job's own network), and its password no secret.
    public static readonly ServiceContainer Postgres = new ServiceContainer("postgres", ServiceImages.Postgres)
        .WithEnvironment("POSTGRES_USER", "rust")
        .WithEnvironment("POSTGRES_PASSWORD", "rust")
        .WithEnvironment("POSTGRES_DB", "services")
        .WithEnvironment("POSTGRES_HOST_AUTH_METHOD", "password")
        .WithPorts(5432)
        .WithHealthCheck("pg_isready -h 127.0.0.1 -U rust -d services", interval: TimeSpan.FromSeconds(5), retries: 10)
        .Exposes("DATABASE_URL", "postgres://rust:rust@{host}:{5432}/services");

    public static readonly ServiceContainer Redis = StandardServices.Redis();

    /// <summary>The crates with tests against the stores: the clients themselves and the services that keep data.</summary>
    public static readonly IReadOnlyList<string> Crates = ["store-clients", Services.Crate("auth"), Services.Crate("user")];
}
