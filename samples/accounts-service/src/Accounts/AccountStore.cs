using Npgsql;

namespace Accounts;

/// <summary>
/// Accounts in PostgreSQL, created on demand: emails are unique, and each account's welcome, once the
/// executor has sent it, is a row of <c>welcomes</c>.
/// </summary>
public sealed class AccountStore(NpgsqlDataSource database)
{
    public async Task EnsureSchemaAsync(CancellationToken cancellation = default)
    {
        await using var command = database.CreateCommand(
            "CREATE TABLE IF NOT EXISTS accounts (email varchar(320) PRIMARY KEY, password_hash text NOT NULL, created_at timestamptz NOT NULL DEFAULT now());" +
            "CREATE TABLE IF NOT EXISTS welcomes (email varchar(320) PRIMARY KEY REFERENCES accounts (email), sent_at timestamptz NOT NULL DEFAULT now())");
        await command.ExecuteNonQueryAsync(cancellation).ConfigureAwait(false);
    }

    /// <summary>False when the email is taken.</summary>
    public async Task<bool> CreateAsync(string email, string password, CancellationToken cancellation = default)
    {
        await using var command = database.CreateCommand("INSERT INTO accounts (email, password_hash) VALUES ($1, $2) ON CONFLICT (email) DO NOTHING");
        command.Parameters.Add(new NpgsqlParameter { Value = Normalize(email) });
        command.Parameters.Add(new NpgsqlParameter { Value = Passwords.Hash(password) });
        return await command.ExecuteNonQueryAsync(cancellation).ConfigureAwait(false) == 1;
    }

    /// <summary>The account's normalized email when the password matches, else null.</summary>
    public async Task<string?> VerifyAsync(string email, string password, CancellationToken cancellation = default)
    {
        await using var command = database.CreateCommand("SELECT email, password_hash FROM accounts WHERE email = $1");
        command.Parameters.Add(new NpgsqlParameter { Value = Normalize(email) });
        await using var reader = await command.ExecuteReaderAsync(cancellation).ConfigureAwait(false);
        return await reader.ReadAsync(cancellation).ConfigureAwait(false) && Passwords.Matches(password, reader.GetString(1)) ? reader.GetString(0) : null;
    }

    /// <summary>Records that the account was welcomed; a second record of the same welcome changes nothing (a job can run twice).</summary>
    public async Task RecordWelcomeAsync(string email, CancellationToken cancellation = default)
    {
        await using var command = database.CreateCommand("INSERT INTO welcomes (email) VALUES ($1) ON CONFLICT (email) DO NOTHING");
        command.Parameters.Add(new NpgsqlParameter { Value = Normalize(email) });
        await command.ExecuteNonQueryAsync(cancellation).ConfigureAwait(false);
    }

    /// <summary>When the account's welcome was sent, or null while it is still queued.</summary>
    public async Task<DateTimeOffset?> WelcomedAtAsync(string email, CancellationToken cancellation = default)
    {
        await using var command = database.CreateCommand("SELECT sent_at FROM welcomes WHERE email = $1");
        command.Parameters.Add(new NpgsqlParameter { Value = Normalize(email) });
        return await command.ExecuteScalarAsync(cancellation).ConfigureAwait(false) is DateTime sent ? new DateTimeOffset(sent, TimeSpan.Zero) : null;
    }

    public static string Normalize(string email) => email.Trim().ToLowerInvariant();
}
