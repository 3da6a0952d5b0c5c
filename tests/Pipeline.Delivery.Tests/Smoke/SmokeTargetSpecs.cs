using System.Net;
using Pipeline.Delivery.Tests.Support;

namespace Pipeline.Delivery.Tests.Smoke;

public sealed class SmokeTargetSpecs
{
    private const string Password = "s3cret-passw0rd";

    /// <summary>The seeds' scenario: sign up, log in, call an authenticated endpoint.</summary>
    public sealed class AccountSmoke : SmokeTarget
    {
        protected override TimeSpan ReadinessTimeout => TimeSpan.FromSeconds(5);

        protected override TimeSpan ReadinessInterval => TimeSpan.FromMilliseconds(50);

        protected override async Task ScenarioAsync(SmokeClient client, TargetContext context)
        {
            var credentials = new { Email = "smoke@example.com", Password };
            (await client.PostAsync("/signup", credentials)).Expect(HttpStatusCode.Created);
            var login = (await client.PostAsync("/login", credentials)).Expect(HttpStatusCode.OK).Json<Login>();
            client.BearerToken = login.Token;
            (await client.GetAsync("/me")).Expect(HttpStatusCode.OK).Expect<Me>(me => me.Email == credentials.Email, "the signed-up email");
        }

        protected override Task<string?> RecentLogsAsync(TargetContext context) => Task.FromResult<string?>("service: login handler panicked");

        private sealed record Login(string Token);

        private sealed record Me(string Email);
    }

    private static PipelineBuilder Pipeline() => new PipelineBuilder().Add<AccountSmoke>();

    /// <summary>A service that becomes ready after a few polls; <paramref name="loginStatus"/> breaks login when not 200.</summary>
    private static FakeHttpServer Service(HttpStatusCode loginStatus)
    {
        var polls = 0;
        return new FakeHttpServer(request => request.Path switch
        {
            "/health" => Answer(HttpStatusCode.OK, "{}"),
            "/readyz" => Interlocked.Increment(ref polls) < 3 ? Answer(HttpStatusCode.ServiceUnavailable, "{}") : Answer(HttpStatusCode.OK, "{}"),
            "/signup" => Answer(HttpStatusCode.Created, "{\"email\":\"smoke@example.com\"}"),
            "/login" => loginStatus == HttpStatusCode.OK
                ? Answer(HttpStatusCode.OK, "{\"token\":\"tok-123\"}")
                : Answer(loginStatus, "{\"error\":\"boom\",\"token\":\"leaked-token\"}"),
            "/me" when request.Authorization == "Bearer tok-123" => Answer(HttpStatusCode.OK, "{\"email\":\"smoke@example.com\"}"),
            _ => Answer(HttpStatusCode.Unauthorized, "{}"),
        });
    }

    private static FakeResponse Answer(HttpStatusCode status, string body) => new((int)status, body);

    [Fact]
    public async Task Waits_for_readiness_then_runs_the_scenario_with_the_token()
    {
        using var service = Service(HttpStatusCode.OK);

        using var root = new TempRoot();
        var run = await PipelineRun.RunAsync(Pipeline(), root.Path, "AccountSmoke", "--smoke-url", service.BaseAddress.ToString());

        Assert.True(run.ExitCode == 0, run.ToString());
        Assert.True(service.Requests.Count(r => r.Path == "/readyz") >= 3, string.Join('\n', service.Requests));
        Assert.Contains(service.Requests, r => r is { Method: "GET", Path: "/me", Authorization: "Bearer tok-123" });
        Assert.Contains("scenario passed: 3 requests", run.Output, StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_broken_service_fails_with_the_failing_exchange_and_its_logs_and_no_credentials()
    {
        using var service = Service(HttpStatusCode.InternalServerError);

        using var root = new TempRoot();
        var run = await PipelineRun.RunAsync(Pipeline(), root.Path, "AccountSmoke", "--smoke-url", service.BaseAddress.ToString());

        Assert.Equal(1, run.ExitCode);
        Assert.Contains("POST /login answered 500 InternalServerError, expected 200 OK", run.Output, StringComparison.Ordinal);
        Assert.Contains($"→ POST {service.BaseAddress}login", run.Output, StringComparison.Ordinal);
        Assert.Contains("\"error\":\"boom\"", run.Output, StringComparison.Ordinal);
        Assert.Contains("service: login handler panicked", run.Output, StringComparison.Ordinal);
        Assert.DoesNotContain(Password, run.Output, StringComparison.Ordinal);
        Assert.DoesNotContain("leaked-token", run.Output, StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_service_that_never_gets_ready_fails_naming_the_endpoint_and_its_last_answer()
    {
        using var service = new FakeHttpServer(request =>
            request.Path == "/readyz" ? Answer(HttpStatusCode.ServiceUnavailable, "{}") : Answer(HttpStatusCode.OK, "{}"));

        using var root = new TempRoot();
        var clock = new SkippingClock();
        var run = await PipelineRun.RunAsync(Pipeline(), root.Path, new Dictionary<string, string>(), clock, "AccountSmoke", "--smoke-url", service.BaseAddress.ToString());

        Assert.Equal(1, run.ExitCode);
        Assert.Contains("is not ready after 5 s: /readyz did not answer 200 (last: 503 ServiceUnavailable)", run.Output, StringComparison.Ordinal);
        Assert.InRange(clock.Elapsed, TimeSpan.FromSeconds(4.9), TimeSpan.FromSeconds(5)); // the run's clock decided, not the wall clock
    }

    /// <summary>A request may take 2 s, readiness 3 s in all.</summary>
    public sealed class SilentServiceSmoke : SmokeTarget
    {
        protected override TimeSpan ReadinessTimeout => TimeSpan.FromSeconds(3);

        protected override TimeSpan RequestTimeout => TimeSpan.FromSeconds(2);

        protected override Task ScenarioAsync(SmokeClient client, TargetContext context) => Task.CompletedTask;

        protected override Task<string?> RecentLogsAsync(TargetContext context) => Task.FromResult<string?>(null);
    }

    /// <summary>
    /// Real time (an unanswered request is waited for on the wall clock, which a skipping clock cannot
    /// cut short), so the test shows the deadline bounds it by what the last request was allowed: /health
    /// its 2 s, then /readyz only the 1 s left of the 3 s, not another 2 s.
    /// </summary>
    [Fact]
    public async Task A_service_that_accepts_but_never_answers_fails_at_the_readiness_deadline()
    {
        using var listener = new System.Net.Sockets.TcpListener(IPAddress.Loopback, 0);
        listener.Start();
        var accepted = new List<System.Net.Sockets.Socket>();
        using var stop = new CancellationTokenSource();
        var accepting = Task.Run(async () =>
        {
            try
            {
                while (true)
                {
                    var socket = await listener.AcceptSocketAsync(stop.Token);
                    lock (accepted)
                    {
                        accepted.Add(socket); // held open, never read nor answered
                    }
                }
            }
            catch (OperationCanceledException)
            {
            }
        });
        var address = $"http://127.0.0.1:{((IPEndPoint)listener.LocalEndpoint).Port}/";

        try
        {
            using var root = new TempRoot();
            var run = await PipelineRun.RunAsync(new PipelineBuilder().Add<SilentServiceSmoke>(), root.Path, "SilentServiceSmoke", "--smoke-url", address);

            Assert.Equal(1, run.ExitCode);
            Assert.Contains("is not ready after 3 s: /health, /readyz did not answer 200 (last: no answer within 1 s)", run.Output, StringComparison.Ordinal);
            Assert.DoesNotContain("   at ", run.Output, StringComparison.Ordinal);
            lock (accepted)
            {
                Assert.Equal(2, accepted.Count); // one request each, the second cut to what was left
            }
        }
        finally
        {
            await stop.CancelAsync();
            await accepting;
            listener.Stop();
            lock (accepted)
            {
                accepted.ForEach(s => s.Dispose());
            }
        }
    }

    [Fact]
    public async Task Without_an_address_it_says_how_to_give_one()
    {
        using var root = new TempRoot();
        var run = await PipelineRun.RunAsync(Pipeline(), root.Path, "AccountSmoke");

        Assert.Equal(1, run.ExitCode);
        Assert.Contains("run DeployStaging first or pass --smoke-url", run.Output, StringComparison.Ordinal);
    }

    [Fact]
    public void Credentials_in_json_bodies_and_headers_are_redacted() =>
        Assert.Equal(
            "{\"email\":\"a@b\",\"password\":\"***\",\"accessToken\":\"***\",\"n\":1}",
            HttpExchange.Redact("{\"email\":\"a@b\",\"password\":\"p\\\"w\",\"accessToken\":\"t\",\"n\":1}"));
}
