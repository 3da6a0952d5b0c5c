using System.Net.Http.Headers;
using System.Net.Http.Json;
using System.Text.Json;

namespace Pipeline.Delivery;

/// <summary>
/// The HTTP client a smoke scenario uses. Every request and response is recorded, so a failure can
/// show the exchange that caused it; credentials are redacted when shown. A bearer token set once
/// is sent with every later request, as a logged-in user would.
/// </summary>
public sealed class SmokeClient : IDisposable
{
    private static readonly JsonSerializerOptions Web = new(JsonSerializerDefaults.Web);
    private readonly HttpClient _http;
    private readonly List<HttpExchange> _exchanges = [];
    private readonly CancellationToken _cancellation;

    /// <param name="requestTimeout">How long one request may take (an exchange takes real time, so this is wall time).</param>
    public SmokeClient(Uri baseAddress, TimeSpan requestTimeout, CancellationToken cancellation = default)
    {
        BaseAddress = baseAddress;
        RequestTimeout = requestTimeout;
        _http = new HttpClient { BaseAddress = baseAddress, Timeout = Timeout.InfiniteTimeSpan };
        _cancellation = cancellation;
    }

    public Uri BaseAddress { get; }

    /// <summary>How long one request may take at most.</summary>
    public TimeSpan RequestTimeout { get; }

    /// <summary>Sent as <c>Authorization: Bearer …</c> from now on; null stops sending it.</summary>
    public string? BearerToken { get; set; }

    /// <summary>Every exchange so far, oldest first.</summary>
    public IReadOnlyList<HttpExchange> Exchanges => _exchanges;

    public Task<SmokeResponse> GetAsync(string path) => SendAsync(HttpMethod.Get, path, content: null);

    /// <summary>A GET that may take no longer than <paramref name="within"/> (nor than <see cref="RequestTimeout"/>): a deadline's remaining time.</summary>
    public Task<SmokeResponse> GetAsync(string path, TimeSpan within) => SendAsync(HttpMethod.Get, path, content: null, within);

    public Task<SmokeResponse> DeleteAsync(string path) => SendAsync(HttpMethod.Delete, path, content: null);

    public Task<SmokeResponse> PostAsync<T>(string path, T body) => SendAsync(HttpMethod.Post, path, JsonContent.Create(body, options: Web));

    public Task<SmokeResponse> PutAsync<T>(string path, T body) => SendAsync(HttpMethod.Put, path, JsonContent.Create(body, options: Web));

    /// <summary>Sends one request. A connection error is recorded and thrown as a <see cref="SmokeFailedException"/>.</summary>
    public Task<SmokeResponse> SendAsync(HttpMethod method, string path, HttpContent? content) => SendAsync(method, path, content, RequestTimeout);

    /// <summary>Sends one request that may take no longer than <paramref name="within"/> (nor than <see cref="RequestTimeout"/>).</summary>
    public async Task<SmokeResponse> SendAsync(HttpMethod method, string path, HttpContent? content, TimeSpan within)
    {
        var timeout = within < RequestTimeout ? within : RequestTimeout;
        if (timeout < TimeSpan.Zero)
        {
            timeout = TimeSpan.Zero;
        }

        using var request = new HttpRequestMessage(method, path) { Content = content };
        if (BearerToken is not null)
        {
            request.Headers.Authorization = new AuthenticationHeaderValue("Bearer", BearerToken);
        }

        var requestBody = content is null ? null : await content.ReadAsStringAsync(_cancellation).ConfigureAwait(false);
        var url = new Uri(BaseAddress, path);
        using var deadline = new CancellationTokenSource(timeout);
        using var linked = CancellationTokenSource.CreateLinkedTokenSource(_cancellation, deadline.Token);
        try
        {
            using var response = await _http.SendAsync(request, linked.Token).ConfigureAwait(false);
            var body = await response.Content.ReadAsStringAsync(linked.Token).ConfigureAwait(false);
            var exchange = new HttpExchange(
                method.Method, url, Headers(request.Headers, content?.Headers), requestBody,
                response.StatusCode, Headers(response.Headers, response.Content.Headers), body, Error: null);
            _exchanges.Add(exchange);
            return new SmokeResponse(exchange);
        }
        catch (Exception e) when (e is HttpRequestException || (e is OperationCanceledException && !_cancellation.IsCancellationRequested))
        {
            var error = e is OperationCanceledException ? $"no answer within {timeout.TotalSeconds:0.#} s" : e.Message;
            var exchange = new HttpExchange(method.Method, url, Headers(request.Headers, content?.Headers), requestBody, null, [], null, error);
            _exchanges.Add(exchange);
            throw new SmokeFailedException($"{method.Method} {path} failed: {error}", exchange);
        }
    }

    public void Dispose() => _http.Dispose();

    private static List<KeyValuePair<string, string>> Headers(HttpHeaders headers, HttpHeaders? contentHeaders) =>
        [.. headers.Concat(contentHeaders ?? Enumerable.Empty<KeyValuePair<string, IEnumerable<string>>>())
            .Select(h => new KeyValuePair<string, string>(h.Key, string.Join(", ", h.Value)))];
}
