using System.Text.Json;
using System.Text.Json.Nodes;
using System.Text.RegularExpressions;

namespace Pipeline.Components.Tests.Support;

/// <summary>
/// An in-process fake of the three GitHub REST endpoints the coverage comment uses, on 127.0.0.1:
/// list an issue's comments, create one, update one. It accepts only the expected token, so a
/// client that sends none (or another) fails.
/// </summary>
public sealed partial class FakeGitHub : IDisposable
{
    private readonly FakeHttpServer _server;
    private readonly string _token;
    private readonly Lock _lock = new();
    private readonly List<(long Id, int Issue, string Body)> _comments = [];
    private long _nextId = 1000;

    public FakeGitHub(string token)
    {
        _token = token;
        _server = new FakeHttpServer(Handle);
    }

    public Uri Url => _server.BaseAddress;

    /// <summary>Every request as "METHOD /path", in order.</summary>
    public IReadOnlyList<string> Requests => [.. _server.Requests.Select(r => $"{r.Method} {r.Path}")];

    public IReadOnlyList<(long Id, int Issue, string Body)> Comments
    {
        get
        {
            lock (_lock)
            {
                return [.. _comments];
            }
        }
    }

    /// <summary>A comment someone else wrote, so the fake is not only the coverage comment.</summary>
    public void AddComment(int issue, string body)
    {
        lock (_lock)
        {
            _comments.Add((_nextId++, issue, body));
        }
    }

    public void Dispose() => _server.Dispose();

    private FakeResponse Handle(FakeRequest request)
    {
        if (!(request.Authorization ?? "").EndsWith(" " + _token, StringComparison.Ordinal))
        {
            return Respond(401, new JsonObject { ["message"] = "Bad credentials" });
        }

        var body = request.Body.Length == 0 ? "" : JsonNode.Parse(request.Body)?["body"]?.GetValue<string>() ?? "";

        // Octokit puts "api/v3/" before the path for any host but github.com.
        if (IssueComments().Match(request.Path) is { Success: true } list)
        {
            var issue = int.Parse(list.Groups["issue"].Value, System.Globalization.CultureInfo.InvariantCulture);
            if (request.Method == "GET")
            {
                return Respond(200, new JsonArray([.. Comments.Where(c => c.Issue == issue).Select(c => (JsonNode)Comment(c.Id, c.Body))]));
            }

            if (request.Method == "POST")
            {
                long id;
                lock (_lock)
                {
                    id = _nextId++;
                    _comments.Add((id, issue, body));
                }

                return Respond(201, Comment(id, body));
            }
        }

        if (OneComment().Match(request.Path) is { Success: true } one && request.Method == "PATCH")
        {
            var id = long.Parse(one.Groups["id"].Value, System.Globalization.CultureInfo.InvariantCulture);
            lock (_lock)
            {
                var index = _comments.FindIndex(c => c.Id == id);
                if (index < 0)
                {
                    return Respond(404, new JsonObject { ["message"] = "Not Found" });
                }

                _comments[index] = (id, _comments[index].Issue, body);
            }

            return Respond(200, Comment(id, body));
        }

        return Respond(404, new JsonObject { ["message"] = "Not Found" });
    }

    private JsonObject Comment(long id, string body) => new()
    {
        ["id"] = id,
        ["node_id"] = $"IC_{id}",
        ["url"] = new Uri(Url, $"repos/o/r/issues/comments/{id}").ToString(),
        ["html_url"] = $"https://github.example/o/r/pull/1#issuecomment-{id}",
        ["body"] = body,
        ["user"] = new JsonObject { ["login"] = "github-actions[bot]", ["id"] = 41898282 },
        ["created_at"] = "2026-01-01T00:00:00Z",
        ["updated_at"] = "2026-01-01T00:00:00Z",
    };

    private static FakeResponse Respond(int status, JsonNode body) =>
        new(status, body.ToJsonString(new JsonSerializerOptions()), "application/json; charset=utf-8");

    [GeneratedRegex(@"/repos/[^/]+/[^/]+/issues/(?<issue>\d+)/comments$")]
    private static partial Regex IssueComments();

    [GeneratedRegex(@"/repos/[^/]+/[^/]+/issues/comments/(?<id>\d+)$")]
    private static partial Regex OneComment();
}
