using System.Net;
using System.Text;

namespace Pipeline.Delivery.Tests.Support;

/// <summary>
/// An HTTP stand-in on 127.0.0.1 in front of a real registry: it can answer the first manifest
/// requests with 503, or demand a bearer token from its own token endpoint (as ghcr.io and Docker Hub
/// do), and forwards the rest. It counts what it was asked.
/// </summary>
public sealed class RegistryProxy : IAsyncDisposable
{
    private const string Token = "test-bearer-token-3f9a";
    private readonly HttpListener _listener = new();
    private readonly HttpClient _upstream = new();
    private readonly string _upstreamHost;
    private readonly Task _loop;
    private int _failuresLeft;

    public RegistryProxy(string upstreamHost, int failFirstManifestRequests = 0, (string User, string Password)? bearerLogin = null)
    {
        _upstreamHost = upstreamHost;
        _failuresLeft = failFirstManifestRequests;
        BearerLogin = bearerLogin;
        Port = FakeHttpServer.FreePort();
        _listener.Prefixes.Add($"http://127.0.0.1:{Port}/");
        _listener.Start();
        _loop = Task.Run(ServeAsync);
    }

    public int Port { get; }

    public string Host => $"127.0.0.1:{Port}";

    public (string User, string Password)? BearerLogin { get; }

    public int ManifestRequests { get; private set; }

    public int TokenRequests { get; private set; }

    public async ValueTask DisposeAsync()
    {
        _listener.Stop();
        try
        {
            await _loop;
        }
        catch (HttpListenerException)
        {
        }
        catch (ObjectDisposedException)
        {
        }

        _listener.Close();
        _upstream.Dispose();
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
                await AnswerAsync(context);
            }
            finally
            {
                context.Response.Close();
            }
        }
    }

    private async Task AnswerAsync(HttpListenerContext context)
    {
        var request = context.Request;
        var response = context.Response;
        var path = request.Url!.AbsolutePath;
        if (path == "/token")
        {
            TokenRequests++;
            var expected = BearerLogin is { } login ? "Basic " + Convert.ToBase64String(Encoding.UTF8.GetBytes($"{login.User}:{login.Password}")) : null;
            if (request.Headers["Authorization"] != expected || request.QueryString["scope"] is null)
            {
                response.StatusCode = 401;
                return;
            }

            await WriteAsync(response, "{\"token\":\"" + Token + "\"}");
            return;
        }

        if (path.Contains("/manifests/", StringComparison.Ordinal))
        {
            ManifestRequests++;
            if (_failuresLeft > 0)
            {
                _failuresLeft--;
                response.StatusCode = 503;
                return;
            }
        }

        if (BearerLogin is not null && request.Headers["Authorization"] != "Bearer " + Token)
        {
            response.StatusCode = 401;
            response.Headers["WWW-Authenticate"] = $"Bearer realm=\"http://{Host}/token\",service=\"proxy-test\"";
            return;
        }

        using var forward = new HttpRequestMessage(new HttpMethod(request.HttpMethod), $"http://{_upstreamHost}{request.Url.PathAndQuery}");
        foreach (var accept in request.AcceptTypes ?? [])
        {
            forward.Headers.TryAddWithoutValidation("Accept", accept);
        }

        if (BearerLogin is null && request.Headers["Authorization"] is { } authorization)
        {
            forward.Headers.TryAddWithoutValidation("Authorization", authorization);
        }

        using var answer = await _upstream.SendAsync(forward);
        response.StatusCode = (int)answer.StatusCode;
        foreach (var header in new[] { "Docker-Content-Digest", "WWW-Authenticate", "Docker-Distribution-Api-Version" })
        {
            if (answer.Headers.TryGetValues(header, out var values))
            {
                response.Headers[header] = values.First();
            }
        }

        if (request.HttpMethod != "HEAD")
        {
            await WriteAsync(response, await answer.Content.ReadAsStringAsync());
        }
    }

    private static async Task WriteAsync(HttpListenerResponse response, string body)
    {
        var bytes = Encoding.UTF8.GetBytes(body);
        response.ContentLength64 = bytes.Length;
        await response.OutputStream.WriteAsync(bytes);
    }
}
