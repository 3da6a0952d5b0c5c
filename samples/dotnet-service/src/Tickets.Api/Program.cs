using Npgsql;
using Tickets;

var builder = WebApplication.CreateBuilder(args);
var connectionString = builder.Configuration["DATABASE_URL"]
    ?? throw new InvalidOperationException("Set DATABASE_URL to an Npgsql connection string.");
builder.Services.AddSingleton(NpgsqlDataSource.Create(connectionString));
builder.Services.AddSingleton<TicketStore>();
builder.Services.AddSingleton(TimeProvider.System);

var app = builder.Build();
await app.Services.GetRequiredService<TicketStore>().EnsureSchemaAsync();

app.MapGet("/health", () => Results.Ok("ok"));

app.MapPost("/tickets", async (NewTicket request, TicketStore store, TimeProvider time, CancellationToken cancellation) =>
{
    Ticket ticket;
    try
    {
        ticket = Ticket.Open(request.Title ?? "", time.GetUtcNow());
    }
    catch (ArgumentException e)
    {
        return Results.BadRequest(e.Message);
    }

    await store.SaveAsync(ticket, cancellation);
    return Results.Created($"/tickets/{ticket.Id}", ticket);
});

app.MapGet("/tickets/{id:guid}", async (Guid id, TicketStore store, CancellationToken cancellation) =>
    await store.FindAsync(id, cancellation) is { } ticket ? Results.Ok(ticket) : Results.NotFound());

app.MapPost("/tickets/{id:guid}/close", async (Guid id, TicketStore store, CancellationToken cancellation) =>
{
    if (await store.FindAsync(id, cancellation) is not { } ticket)
    {
        return Results.NotFound();
    }

    if (ticket.Status == TicketStatus.Closed)
    {
        return Results.Conflict($"Ticket {id} is already closed.");
    }

    var closed = ticket.Close();
    await store.SaveAsync(closed, cancellation);
    return Results.Ok(closed);
});

await app.RunAsync();

/// <summary>The body of <c>POST /tickets</c>.</summary>
internal sealed record NewTicket(string? Title);
