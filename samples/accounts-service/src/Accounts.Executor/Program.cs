using System.Net.Sockets;
using System.Runtime.InteropServices;
using Accounts;
using Npgsql;

// The welcome executor: takes each signup's welcome job from Redis and records the welcome as sent in
// PostgreSQL, where the API's /me reads it. One line per job on stdout, for `docker logs`.
using var stopping = new CancellationTokenSource();
using var terminate = PosixSignalRegistration.Create(PosixSignal.SIGTERM, signal =>
{
    signal.Cancel = true; // stop between jobs, not in the middle of one
    stopping.Cancel();
});

await using var database = NpgsqlDataSource.Create(Required("DATABASE_URL"));
var accounts = new AccountStore(database);
var queue = new WelcomeQueue(RedisConnection.Parse(Required("REDIS_URL")));
var ready = false;
Console.WriteLine("executor: started");

while (!stopping.IsCancellationRequested)
{
    try
    {
        if (!ready)
        {
            await accounts.EnsureSchemaAsync(stopping.Token);
            var requeued = await queue.RequeueUnfinishedAsync(stopping.Token);
            Console.WriteLine($"executor: ready ({requeued} unfinished jobs put back)");
            ready = true;
        }

        if (await queue.TakeAsync(TimeSpan.FromSeconds(5), stopping.Token) is { } email)
        {
            try
            {
                await accounts.RecordWelcomeAsync(email, stopping.Token);
                Console.WriteLine($"executor: welcomed {email}");
            }
            catch (PostgresException e) when (e.SqlState == PostgresErrorCodes.ForeignKeyViolation)
            {
                Console.WriteLine($"executor: dropped the welcome of {email}: no such account"); // retrying would never succeed
            }

            await queue.CompleteAsync(email, stopping.Token);
        }
    }
    catch (OperationCanceledException) when (stopping.IsCancellationRequested)
    {
        break;
    }
    catch (Exception e) when (e is NpgsqlException or IOException or SocketException)
    {
        // The stores start beside the executor and may restart: wait for them rather than exit.
        Console.WriteLine("executor: waiting for the stores: " + e.Message);
        ready = false;
        await Task.Delay(TimeSpan.FromSeconds(1), CancellationToken.None);
    }
}

Console.WriteLine("executor: stopped");

static string Required(string name) =>
    Environment.GetEnvironmentVariable(name) is { Length: > 0 } value ? value : throw new InvalidOperationException($"Set {name}.");
