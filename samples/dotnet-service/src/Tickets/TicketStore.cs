using Npgsql;

namespace Tickets;

/// <summary>Tickets in PostgreSQL: one table, created on demand.</summary>
public sealed class TicketStore(NpgsqlDataSource database)
{
    public async Task EnsureSchemaAsync(CancellationToken cancellation = default)
    {
        await using var command = database.CreateCommand("""
            CREATE TABLE IF NOT EXISTS tickets (
                id uuid PRIMARY KEY,
                title varchar(200) NOT NULL,
                status text NOT NULL,
                created_at timestamptz NOT NULL)
            """);
        await command.ExecuteNonQueryAsync(cancellation).ConfigureAwait(false);
    }

    public async Task SaveAsync(Ticket ticket, CancellationToken cancellation = default)
    {
        ArgumentNullException.ThrowIfNull(ticket);
        await using var command = database.CreateCommand("""
            INSERT INTO tickets (id, title, status, created_at) VALUES ($1, $2, $3, $4)
            ON CONFLICT (id) DO UPDATE SET title = excluded.title, status = excluded.status
            """);
        command.Parameters.Add(new NpgsqlParameter { Value = ticket.Id });
        command.Parameters.Add(new NpgsqlParameter { Value = ticket.Title });
        command.Parameters.Add(new NpgsqlParameter { Value = ticket.Status.ToString() });
        command.Parameters.Add(new NpgsqlParameter { Value = ticket.CreatedAt.ToUniversalTime() });
        await command.ExecuteNonQueryAsync(cancellation).ConfigureAwait(false);
    }

    public async Task<Ticket?> FindAsync(Guid id, CancellationToken cancellation = default)
    {
        await using var command = database.CreateCommand("SELECT id, title, status, created_at FROM tickets WHERE id = $1");
        command.Parameters.Add(new NpgsqlParameter { Value = id });
        await using var reader = await command.ExecuteReaderAsync(cancellation).ConfigureAwait(false);
        if (!await reader.ReadAsync(cancellation).ConfigureAwait(false))
        {
            return null;
        }

        return new Ticket(
            reader.GetGuid(0),
            reader.GetString(1),
            Enum.Parse<TicketStatus>(reader.GetString(2)),
            reader.GetFieldValue<DateTimeOffset>(3));
    }
}
