using System.Net;
using Pipeline;
using Pipeline.Delivery;

namespace AccountsService.Build;

/// <summary>
/// Once /health and /readyz answer (the service reached PostgreSQL and Redis): signs up a fresh user,
/// logs in, calls /me with the session token, and waits for /me to say the executor sent the user's
/// welcome. On failure the log shows the exchange and both containers' logs.
/// </summary>
public sealed class Smoke : SmokeTarget
{
    // The executor takes a job within a second of its queueing once it runs; this also covers its wait for the stores.
    private static readonly TimeSpan WelcomeTimeout = TimeSpan.FromSeconds(30);

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

        var welcomed = await WelcomedAsync(client, context);
        context.Log.Info($"the executor welcomed {user.Email} at {welcomed:O}");
    }

    /// <summary>Polls /me until it carries the welcome's time; the last answer is the failing exchange otherwise.</summary>
    private static async Task<DateTimeOffset> WelcomedAsync(SmokeClient client, TargetContext context)
    {
        var deadline = context.Clock.GetUtcNow() + WelcomeTimeout;
        while (true)
        {
            var me = await client.GetAsync("/me");
            if (context.Clock.GetUtcNow() >= deadline)
            {
                return me.Expect(HttpStatusCode.OK)
                    .Expect<Identity>(i => i.WelcomedAt is not null, $"a welcome sent by the executor within {WelcomeTimeout.TotalSeconds:0} s").WelcomedAt!.Value;
            }

            if (me.Expect(HttpStatusCode.OK).Json<Identity>().WelcomedAt is { } at)
            {
                return at;
            }

            await Task.Delay(TimeSpan.FromMilliseconds(500), context.Clock, context.Cancellation);
        }
    }

    /// <summary>The service's recent lines, then the executor's: a welcome that never came is explained there.</summary>
    protected override async Task<string?> RecentLogsAsync(TargetContext context)
    {
        var service = await base.RecentLogsAsync(context);
        var executor = await context.RunAsync(new ToolCommand("docker")
            .AddArguments("logs", "--tail", "50", SmokeEnvironment.Executor).WithQuietOutput().AcceptingExitCodes(0, 1));
        return $"{service ?? "(not available)"}\nthe executor's recent logs:\n{string.Join('\n', executor.Output)}";
    }

    private sealed record Credentials(string Email, string Password);

    private sealed record LoginAnswer(string Token);

    private sealed record Identity(string Email, DateTimeOffset? WelcomedAt);
}
