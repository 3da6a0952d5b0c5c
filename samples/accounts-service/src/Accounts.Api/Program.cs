using Accounts;
using Npgsql;

// signup, login and an authenticated /me: accounts in PostgreSQL, sessions in Redis. A signup also
// queues the account's welcome, which the executor (src/Accounts.Executor) sends; /me says when it did.
var builder = WebApplication.CreateBuilder(args);
builder.Logging.ClearProviders().AddSimpleConsole(o => o.SingleLine = true).SetMinimumLevel(LogLevel.Warning);
var database = NpgsqlDataSource.Create(Required("DATABASE_URL"));
var accounts = new AccountStore(database);
var redis = RedisConnection.Parse(Required("REDIS_URL"));
var sessions = new SessionStore(redis, TimeSpan.FromHours(1));
var welcomes = new WelcomeQueue(redis);

var app = builder.Build();

// One line per request on stdout: what `docker logs` shows when a smoke test fails.
app.Use(async (context, next) =>
{
    await next(context);
    Console.WriteLine($"{context.Request.Method} {context.Request.Path} {context.Response.StatusCode}");
});

app.MapGet("/health", () => Results.Ok(new { status = "alive" }));

// Ready once both stores answer; the schema is created here, so the first ready answer means usable.
app.MapGet("/readyz", async (CancellationToken cancellation) =>
{
    try
    {
        await accounts.EnsureSchemaAsync(cancellation);
        return await sessions.PingAsync(cancellation) ? Results.Ok(new { status = "ready" }) : Results.StatusCode(503);
    }
    catch (Exception e) when (e is NpgsqlException or IOException or System.Net.Sockets.SocketException)
    {
        Console.WriteLine("not ready: " + e.Message);
        return Results.StatusCode(503);
    }
});

app.MapPost("/signup", async (Credentials user, CancellationToken cancellation) =>
{
    if (string.IsNullOrWhiteSpace(user.Email) || !user.Email.Contains('@', StringComparison.Ordinal) || user.Password is not { Length: >= 8 })
    {
        return Results.BadRequest(new { error = "an email and a password of at least 8 characters" });
    }

    if (!await accounts.CreateAsync(user.Email, user.Password, cancellation))
    {
        return Results.Conflict(new { error = "that email is taken" });
    }

    await welcomes.EnqueueAsync(AccountStore.Normalize(user.Email), cancellation);
    return Results.Created("/me", new { email = AccountStore.Normalize(user.Email) });
});

app.MapPost("/login", async (Credentials user, CancellationToken cancellation) =>
{
    var email = await accounts.VerifyAsync(user.Email ?? "", user.Password ?? "", cancellation);
    if (email is null)
    {
        return Results.Unauthorized();
    }

    var token = await sessions.StartAsync(email, cancellation);
    return Results.Ok(new { token });
});

app.MapGet("/me", async (HttpRequest request, CancellationToken cancellation) =>
{
    var header = request.Headers.Authorization.ToString();
    var email = header.StartsWith("Bearer ", StringComparison.Ordinal) ? await sessions.FindAsync(header["Bearer ".Length..], cancellation) : null;
    return email is null ? Results.Unauthorized() : Results.Ok(new { email, welcomedAt = await accounts.WelcomedAtAsync(email, cancellation) });
});

app.Run();

static string Required(string name) =>
    Environment.GetEnvironmentVariable(name) is { Length: > 0 } value ? value : throw new InvalidOperationException($"Set {name}.");

internal sealed record Credentials(string? Email, string? Password);
