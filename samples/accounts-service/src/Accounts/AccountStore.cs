using Npgsql;

namespace Accounts;

/// <summary>Accounts in PostgreSQL: one table, created on demand; emails are unique.</summary>
public sealed class AccountStore(NpgsqlDataSource database)
{
    public async Task EnsureSchemaAsync(CancellationToken cancellation = default)
    {
        await using var command = database.CreateCommand(
            "CREATE TABLE IF NOT EXISTS accounts (email varchar(320) PRIMARY KEY, password_hash text NOT NULL, created_at timestamptz NOT NULL DEFAULT now())");
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

    public static string Normalize(string email) => email.Trim().ToLowerInvariant();
}
