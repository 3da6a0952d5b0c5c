using System.Net;
using Pipeline;
using Pipeline.Delivery;

namespace EventService.Build;

/// <summary>Signs up a fresh user, logs in, and makes authenticated calls against the deployed service.</summary>
public sealed class Smoke : SmokeTarget
{
    protected override void Extend(TargetSpec target) => target.DependsOn<DeployStaging>();

    protected override async Task ScenarioAsync(SmokeClient client, TargetContext context)
    {
        var user = new Credentials($"smoke-{Guid.NewGuid():N}@example.com", "smoke-" + Guid.NewGuid().ToString("N"));
        (await client.PostAsync("/signup", user)).Expect(HttpStatusCode.Created);
        var login = (await client.PostAsync("/login", user)).Expect(HttpStatusCode.OK).Json<LoginAnswer>();

        client.BearerToken = login.Token;
        (await client.GetAsync("/me")).Expect(HttpStatusCode.OK).Expect<Identity>(me => me.Email == user.Email, $"the identity {user.Email}");

        var created = (await client.PostAsync("/events", new NewEvent("Smoke test meetup", "Hall S", context.Clock.GetUtcNow().AddDays(7), 10)))
            .Expect(HttpStatusCode.Created).Json<CreatedEvent>();
        (await client.GetAsync($"/events/{created.Id}")).Expect(HttpStatusCode.OK)
            .Expect<CreatedEvent>(e => e.Owner == user.Email, "the event owned by the smoke user");
        context.Log.Info($"signed up, logged in, created event {created.Id}");
        context.Log.Info($"the event service answers at {client.BaseAddress}");
    }

    private sealed record Credentials(string Email, string Password);

    private sealed record LoginAnswer(string Token);

    private sealed record Identity(string Email);

    private sealed record NewEvent(string Title, string Venue, DateTimeOffset StartsAt, int Seats);

    private sealed record CreatedEvent(int Id, string Title, string Owner);
}
