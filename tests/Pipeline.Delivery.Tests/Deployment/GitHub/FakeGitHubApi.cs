using System.Text.Json;
using System.Text.Json.Nodes;

namespace Pipeline.Delivery.Tests.Deployment.GitHub;

/// <summary>
/// GitHub's REST endpoints for deployments and their statuses, on 127.0.0.1: it answers what
/// Octokit needs to read back and keeps every call for the test to check.
/// </summary>
public sealed class FakeGitHubApi : IDisposable
{
    public const string Token = "ghs_fakeDeployToken1234567890";
    private readonly FakeHttpServer _server;
    private int _deploymentId = 41;
    private int _statusId = 700;

    public FakeGitHubApi() => _server = new FakeHttpServer(Handle);

    public Uri ApiUrl => _server.BaseAddress;

    /// <summary>The calls that reached the API: "POST /repos/acme/shop/deployments" and their JSON bodies.</summary>
    public IReadOnlyList<(string Call, JsonObject Body, string? Authorization)> Calls =>
        [.. _server.Requests.Select(r => ($"{r.Method} {Path(r)}", r.Body.Length == 0 ? [] : JsonNode.Parse(r.Body)!.AsObject(), r.Authorization))];

    private FakeResponse Handle(FakeRequest request)
    {
        if (request.Authorization is null || !request.Authorization.EndsWith(Token, StringComparison.Ordinal))
        {
            return new FakeResponse(401, """{"message":"Bad credentials"}""");
        }

        var path = Path(request);
        var segments = path.Split('/', StringSplitOptions.RemoveEmptyEntries);
        return (request.Method, segments) switch
        {
            ("POST", ["repos", var owner, var repo, "deployments"]) => Created(new
            {
                id = ++_deploymentId,
                url = $"{ApiUrl}repos/{owner}/{repo}/deployments/{_deploymentId}",
                sha = JsonNode.Parse(request.Body)!["ref"]!.GetValue<string>(),
                environment = JsonNode.Parse(request.Body)!["environment"]!.GetValue<string>(),
                created_at = "2026-01-01T00:00:00Z",
                updated_at = "2026-01-01T00:00:00Z",
            }),
            ("POST", ["repos", _, _, "deployments", _, "statuses"]) => Created(new
            {
                id = ++_statusId,
                state = JsonNode.Parse(request.Body)!["state"]!.GetValue<string>(),
                created_at = "2026-01-01T00:00:00Z",
                updated_at = "2026-01-01T00:00:00Z",
            }),
            _ => new FakeResponse(404, $$"""{"message":"Not Found: {{request.Method}} {{path}}"}"""),
        };
    }

    /// <summary>The path from <c>/repos/</c> on: Octokit prefixes <c>/api/v3</c> for any host but api.github.com.</summary>
    private static string Path(FakeRequest request) =>
        request.Path[Math.Max(0, request.Path.IndexOf("/repos/", StringComparison.Ordinal))..];

    private static FakeResponse Created(object body) => new(201, JsonSerializer.Serialize(body));

    public void Dispose() => _server.Dispose();
}
