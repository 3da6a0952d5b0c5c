using System.Security.Cryptography;
using Pipeline;

namespace GitOpsService.Build;

/// <summary>
/// The seed's idempotent set-up: the service's database and its role, each created only when missing,
/// so a second run changes nothing and says "already there". (The seed's DO block cannot create a
/// database — CREATE DATABASE refuses to run inside one — so existence is asked first, then created.)
/// </summary>
public sealed class SetUpDatabase : Target
{
    public const string Database = "game_stats";

    public const string Role = "game_stats_user";

    protected override void Configure(TargetSpec target) => target
        .Description($"Creates the {Database} database and the {Role} role where missing")
        .Reads(GitOpsParameters.DatabaseAdminUrl)
        .Reads(GitOpsParameters.DatabasePassword)
        .Reads(GitOpsParameters.DatabaseContainer);

    protected override async Task RunAsync(TargetContext context)
    {
        var server = await PostgresServer.ConnectAsync(context);

        if (await server.AnyRowAsync(context, $"SELECT 1 FROM pg_database WHERE datname = '{Database}'"))
        {
            context.Log.Info($"database {Database}: already there");
        }
        else
        {
            await server.ExecuteAsync(context, $"CREATE DATABASE {Database}");
            context.Log.Info($"database {Database}: created");
        }

        if (await server.AnyRowAsync(context, $"SELECT 1 FROM pg_roles WHERE rolname = '{Role}'"))
        {
            context.Log.Info($"role {Role}: already there (its password is left as it is)");
        }
        else
        {
            var password = context.Parameters.TryGet(GitOpsParameters.DatabasePassword, out var given) && !string.IsNullOrEmpty(given)
                ? given
                : RandomNumberGenerator.GetHexString(32, lowercase: true); // locally: nobody logs in as it
            await server.ExecuteAsync(context, $"CREATE ROLE {Role} LOGIN PASSWORD :'password'", new Dictionary<string, string> { ["password"] = password });
            context.Log.Info($"role {Role}: created");
        }

        // A grant that is already there is granted again without error: idempotent by itself.
        await server.ExecuteAsync(context, $"GRANT ALL PRIVILEGES ON DATABASE {Database} TO {Role}");
        context.Log.Info($"{Role} holds every privilege on {Database} ({server.Description})");
    }
}
