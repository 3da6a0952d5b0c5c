using System.Net;
using Pipeline;
using Pipeline.Delivery;

namespace AccountsService.Build;

/// <summary>
/// Once /health and /readyz answer (the service reached PostgreSQL and Redis): signs up a fresh user,
/// logs in, and calls /me with the session token. On failure the log shows the exchange and the container's logs.
/// </summary>
public sealed class Smoke : SmokeTarget
{
    protected override string EnvironmentName => DeploySmoke.Environment;

    protected override void Extend(TargetSpec target) => target.DependsOn<DeploySmoke>();

    protected override async Task ScenarioAsync(SmokeClient client, TargetContext context)
    {
        var user = new Credentials($"smoke-{Guid.NewGuid():N}@example.com", "smoke-" + Guid.NewGuid().ToString("N"));
        (await client.PostAsync("/signup", user)).Expect(HttpStatusCode.Created);
        var login = (await client.PostAsync("/login", user)).Expect(HttpStatusCode.OK).Json<LoginAnswer>();

        client.BearerToken = login.Token;
        (await client.GetAsync("/me")).Expect(HttpStatusCode.OK).Expect<Identity>(me => me.Email == user.Email, $"the identity {user.Email}");
        context.Log.Info($"signed up {user.Email}, logged in, and /me answered for them at {client.BaseAddress}");
    }

    private sealed record Credentials(string Email, string Password);

    private sealed record LoginAnswer(string Token);

    private sealed record Identity(string Email);
}
