using System.Collections.Concurrent;
using System.Net;
using System.Net.Sockets;
using System.Text;

namespace Pipeline.TestSupport;

/// <summary>One request a fake received, as the test asserts on it.</summary>
public sealed record FakeRequest(string Method, string Path, IReadOnlyDictionary<string, string> Query, string? ContentType, string? Authorization, string Body);

/// <summary>What a fake answers.</summary>
public sealed record FakeResponse(int Status, string Body, string ContentType = "application/json")
{
    /// <summary>Response headers besides the content type (a registry's Docker-Content-Digest).</summary>
    public IReadOnlyDictionary<string, string> Headers { get; init; } = new Dictionary<string, string>();
}

/// <summary>
/// An HTTP server on 127.0.0.1 and a free port that hands every request to a handler and keeps a
/// list of them. Fakes of external APIs (Kubernetes, GitHub) are handlers; the real client
/// libraries talk to <see cref="BaseAddress"/>.
/// </summary>
public sealed class FakeHttpServer : IDisposable
{
    private readonly HttpListener _listener;
    private readonly Func<FakeRequest, CancellationToken, Task<FakeResponse>> _handler;
    private readonly bool _concurrent;
    private readonly CancellationTokenSource _stopping = new();
    private readonly ConcurrentDictionary<Task, bool> _answering = new();
    private readonly Task _loop;

    /// <summary>Answers one request after the other, in the order they came.</summary>
    public FakeHttpServer(Func<FakeRequest, FakeResponse> handler)
        : this((request, _) => Task.FromResult(handler(request)), concurrent: false)
    {
    }

    private FakeHttpServer(Func<FakeRequest, CancellationToken, Task<FakeResponse>> handler, bool concurrent)
    {
        _handler = handler;
        _concurrent = concurrent;
        for (var attempt = 1; ; attempt++)
        {
            // The free port can be taken by a parallel test between the probe and Start: then take another.
            BaseAddress = new Uri($"http://127.0.0.1:{FreePort()}/");
            _listener = new HttpListener();
            _listener.Prefixes.Add(BaseAddress.ToString());
            try
            {
                _listener.Start();
                break;
            }
            catch (HttpListenerException) when (attempt < 5)
            {
                _listener.Abort();
            }
        }

        _loop = Task.Run(ServeAsync);
    }

    /// <summary>
    /// A server that answers requests side by side, each as soon as its handler is done: a service
    /// under load, which a handler can make slow (<c>await Task.Delay(…, stopping)</c>) without
    /// holding up the others. The token fires when the server is disposed.
    /// </summary>
    public static FakeHttpServer Concurrent(Func<FakeRequest, CancellationToken, Task<FakeResponse>> handler) => new(handler, concurrent: true);

    public Uri BaseAddress { get; }

    public ConcurrentQueue<FakeRequest> Requests { get; } = new();

    public static int FreePort()
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

            if (_concurrent)
            {
                var answering = AnswerAsync(context);
                _answering[answering] = true;
                _ = answering.ContinueWith(done => _answering.TryRemove(done, out _), TaskScheduler.Default);
            }
            else
            {
                await AnswerAsync(context);
            }
        }
    }

    private async Task AnswerAsync(HttpListenerContext context)
    {
        FakeResponse response;
        try
        {
            using var reader = new StreamReader(context.Request.InputStream, Encoding.UTF8);
            var query = context.Request.QueryString.AllKeys.OfType<string>()
                .ToDictionary(k => k, k => context.Request.QueryString[k] ?? "", StringComparer.Ordinal);
            var request = new FakeRequest(
                context.Request.HttpMethod,
                Uri.UnescapeDataString(context.Request.Url!.AbsolutePath),
                query,
                context.Request.ContentType,
                context.Request.Headers["Authorization"],
                await reader.ReadToEndAsync());
            Requests.Enqueue(request);
            response = await _handler(request, _stopping.Token);
        }
        catch (OperationCanceledException) when (_stopping.IsCancellationRequested)
        {
            return; // disposed while a slow handler waited
        }
        catch (Exception e)
        {
            // The test sees the fake's own bug in the client's error, with where it happened.
            response = new FakeResponse(500, System.Text.Json.JsonSerializer.Serialize(new { message = "fake failed: " + e }));
        }

        try
        {
            var bytes = Encoding.UTF8.GetBytes(response.Body);
            context.Response.StatusCode = response.Status;
            context.Response.ContentType = response.ContentType;
            foreach (var (name, value) in response.Headers)
            {
                context.Response.Headers[name] = value;
            }

            context.Response.ContentLength64 = bytes.Length;
            await context.Response.OutputStream.WriteAsync(bytes);
            context.Response.Close();
        }
        catch (Exception e) when (e is HttpListenerException or IOException or ObjectDisposedException)
        {
            // The client gave up (a timeout) or the server is stopping: nobody reads this answer.
        }
    }

    public void Dispose()
    {
        // Close alone: Stop then Close re-resolves the port, which a parallel test may hold by then.
        _stopping.Cancel();
        _listener.Abort();
        _loop.Wait(TimeSpan.FromSeconds(5));
        Task.WaitAll([.. _answering.Keys], TimeSpan.FromSeconds(5));
        _stopping.Dispose();
    }
}
