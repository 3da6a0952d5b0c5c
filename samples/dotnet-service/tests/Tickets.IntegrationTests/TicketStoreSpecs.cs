using Npgsql;

namespace Tickets.IntegrationTests;

/// <summary>
/// Against a real PostgreSQL: DATABASE_URL is set by the pipeline's Test target (locally from the
/// container it starts, in CI from the job's service). Without it the tests skip, except under
/// CI=true, where a missing database is a broken build.
/// </summary>
public sealed class TicketStoreSpecs
{
    [Fact]
    public async Task A_saved_ticket_reads_back_as_it_was_saved_and_closing_it_is_stored()
    {
        await using var database = NpgsqlDataSource.Create(ConnectionString());
        var store = new TicketStore(database);
        await store.EnsureSchemaAsync(TestContext.Current.CancellationToken);
        var ticket = Ticket.Open("Database is slow", new DateTimeOffset(2026, 11, 23, 9, 0, 0, TimeSpan.Zero));

        await store.SaveAsync(ticket, TestContext.Current.CancellationToken);
        var read = await store.FindAsync(ticket.Id, TestContext.Current.CancellationToken);
        await store.SaveAsync(ticket.Close(), TestContext.Current.CancellationToken);
        var closed = await store.FindAsync(ticket.Id, TestContext.Current.CancellationToken);

        Assert.Equal(ticket, read);
        Assert.Equal(TicketStatus.Closed, closed!.Status);
    }

    [Fact]
    public async Task An_unknown_ticket_is_not_found()
    {
        await using var database = NpgsqlDataSource.Create(ConnectionString());
        var store = new TicketStore(database);
        await store.EnsureSchemaAsync(TestContext.Current.CancellationToken);

        Assert.Null(await store.FindAsync(Guid.NewGuid(), TestContext.Current.CancellationToken));
    }

    private static string ConnectionString()
    {
        var value = Environment.GetEnvironmentVariable("DATABASE_URL");
        if (string.IsNullOrEmpty(value))
        {
            const string Reason = "DATABASE_URL is not set: run these through the pipeline (./build.sh Test), which starts PostgreSQL.";
            if (Environment.GetEnvironmentVariable("CI") == "true")
            {
                Assert.Fail(Reason);
            }

            Assert.Skip(Reason);
        }

        return value;
    }
}
