using System.Net;
using System.Net.Sockets;
using System.Text;
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
    private readonly HttpListener _listener = new();
    private readonly string _token;
    private readonly Lock _lock = new();
    private readonly List<(long Id, int Issue, string Body)> _comments = [];
    private readonly Task _serving;
    private long _nextId = 1000;

    public FakeGitHub(string token)
    {
        _token = token;
        Url = new Uri($"http://127.0.0.1:{FreePort()}/");
        _listener.Prefixes.Add(Url.ToString());
        _listener.Start();
        _serving = Task.Run(ServeAsync);
    }

    public Uri Url { get; }

    /// <summary>Every request as "METHOD /path", in order.</summary>
    public List<string> Requests { get; } = [];

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

    public void Dispose()
    {
        _listener.Stop();
        _listener.Close();
        try
        {
            _serving.Wait(TimeSpan.FromSeconds(5));
        }
        catch (AggregateException)
        {
            // The listener was closed under a pending accept: that is how it stops.
        }
    }

    private static int FreePort()
    {
        using var probe = new TcpListener(IPAddress.Loopback, 0);
        probe.Start();
        return ((IPEndPoint)probe.LocalEndpoint).Port;
    }

    private async Task ServeAsync()
    {
        while (_listener.IsListening)
        {
            HttpListenerContext context;
            try
            {
                context = await _listener.GetContextAsync();
            }
            catch (Exception e) when (e is HttpListenerException or ObjectDisposedException or InvalidOperationException)
            {
                return;
            }

            try
            {
                await HandleAsync(context);
            }
            finally
            {
                context.Response.Close();
            }
        }
    }

    private async Task HandleAsync(HttpListenerContext context)
    {
        var request = context.Request;
        var path = request.Url!.AbsolutePath;
        lock (_lock)
        {
            Requests.Add($"{request.HttpMethod} {path}");
        }

        var authorization = request.Headers["Authorization"] ?? "";
        if (!authorization.EndsWith(" " + _token, StringComparison.Ordinal))
        {
            await RespondAsync(context, 401, new JsonObject { ["message"] = "Bad credentials" });
            return;
        }

        string body = "";
        if (request.HasEntityBody)
        {
            using var reader = new StreamReader(request.InputStream, Encoding.UTF8);
            var json = JsonNode.Parse(await reader.ReadToEndAsync());
            body = json?["body"]?.GetValue<string>() ?? "";
        }

        // Octokit puts "api/v3/" before the path for any host but github.com.
        if (IssueComments().Match(path) is { Success: true } list)
        {
            var issue = int.Parse(list.Groups["issue"].Value, System.Globalization.CultureInfo.InvariantCulture);
            if (request.HttpMethod == "GET")
            {
                var all = new JsonArray([.. Comments.Where(c => c.Issue == issue).Select(c => (JsonNode)Comment(c.Id, c.Body))]);
                await RespondAsync(context, 200, all);
                return;
            }

            if (request.HttpMethod == "POST")
            {
                long id;
                lock (_lock)
                {
                    id = _nextId++;
                    _comments.Add((id, issue, body));
                }

                await RespondAsync(context, 201, Comment(id, body));
                return;
            }
        }

        if (OneComment().Match(path) is { Success: true } one && request.HttpMethod == "PATCH")
        {
            var id = long.Parse(one.Groups["id"].Value, System.Globalization.CultureInfo.InvariantCulture);
            lock (_lock)
            {
                var index = _comments.FindIndex(c => c.Id == id);
                if (index >= 0)
                {
                    _comments[index] = (id, _comments[index].Issue, body);
                }
                else
                {
                    id = -1;
                }
            }

            await RespondAsync(context, id < 0 ? 404 : 200, id < 0 ? new JsonObject { ["message"] = "Not Found" } : Comment(id, body));
            return;
        }

        await RespondAsync(context, 404, new JsonObject { ["message"] = "Not Found" });
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

    private static async Task RespondAsync(HttpListenerContext context, int status, JsonNode body)
    {
        var bytes = Encoding.UTF8.GetBytes(body.ToJsonString(new JsonSerializerOptions()));
        context.Response.StatusCode = status;
        context.Response.ContentType = "application/json; charset=utf-8";
        context.Response.ContentLength64 = bytes.Length;
        await context.Response.OutputStream.WriteAsync(bytes);
    }

    [GeneratedRegex(@"/repos/[^/]+/[^/]+/issues/(?<issue>\d+)/comments$")]
    private static partial Regex IssueComments();

    [GeneratedRegex(@"/repos/[^/]+/[^/]+/issues/comments/(?<id>\d+)$")]
    private static partial Regex OneComment();
}
