using Pipeline;
using Pipeline.Components.Services;
using Pipeline.Delivery;

namespace EventAndTicket.Build;

/// <summary>One of the repository's two Go services: its module, its binary and its image.</summary>
public sealed record Service(string Module, string Binary)
{
    public static Service Events { get; } = new("services/events", "event-service");

    public static Service Tickets { get; } = new("services/tickets", "ticket-service");

    public static IReadOnlyList<Service> All { get; } = [Events, Tickets];

    /// <summary>The image: the static binary from out/ on an empty base (its Dockerfile beside its module).</summary>
    public ContainerImage Image => new(Binary, $"{Module}/Dockerfile", ".");

    public static Tool Go { get; } = new("go");
}

/// <summary>The PostgreSQL the ticket service's tests use: DATABASE_URL reaches them, locally and in CI.</summary>
public static class Database
{
    // A throwaway database on loopback that trusts its clients (the service's small driver speaks no SCRAM).
    public static readonly ServiceContainer Postgres = new ServiceContainer("postgres", ServiceImages.Postgres)
        .WithEnvironment("POSTGRES_USER", "postgres")
        .WithEnvironment("POSTGRES_PASSWORD", "postgres")
        .WithEnvironment("POSTGRES_DB", "tickets_test")
        .WithEnvironment("POSTGRES_HOST_AUTH_METHOD", "trust")
        .WithPorts(5432)
        .WithHealthCheck("pg_isready -h 127.0.0.1 -U postgres -d tickets_test", interval: TimeSpan.FromSeconds(5), retries: 10)
        .Exposes("DATABASE_URL", "postgres://postgres:postgres@{host}:{5432}/tickets_test");
}
