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

    public SmokeClient(Uri baseAddress, TimeSpan requestTimeout, CancellationToken cancellation = default)
    {
        BaseAddress = baseAddress;
        _http = new HttpClient { BaseAddress = baseAddress, Timeout = requestTimeout };
        _cancellation = cancellation;
    }

    public Uri BaseAddress { get; }

    /// <summary>Sent as <c>Authorization: Bearer …</c> from now on; null stops sending it.</summary>
    public string? BearerToken { get; set; }

    /// <summary>Every exchange so far, oldest first.</summary>
    public IReadOnlyList<HttpExchange> Exchanges => _exchanges;

    public Task<SmokeResponse> GetAsync(string path) => SendAsync(HttpMethod.Get, path, content: null);

    public Task<SmokeResponse> DeleteAsync(string path) => SendAsync(HttpMethod.Delete, path, content: null);

    public Task<SmokeResponse> PostAsync<T>(string path, T body) => SendAsync(HttpMethod.Post, path, JsonContent.Create(body, options: Web));

    public Task<SmokeResponse> PutAsync<T>(string path, T body) => SendAsync(HttpMethod.Put, path, JsonContent.Create(body, options: Web));

    /// <summary>Sends one request. A connection error is recorded and thrown as a <see cref="SmokeFailedException"/>.</summary>
    public async Task<SmokeResponse> SendAsync(HttpMethod method, string path, HttpContent? content)
    {
        using var request = new HttpRequestMessage(method, path) { Content = content };
        if (BearerToken is not null)
        {
            request.Headers.Authorization = new AuthenticationHeaderValue("Bearer", BearerToken);
        }

        var requestBody = content is null ? null : await content.ReadAsStringAsync(_cancellation).ConfigureAwait(false);
        var url = new Uri(BaseAddress, path);
        try
        {
            using var response = await _http.SendAsync(request, _cancellation).ConfigureAwait(false);
            var body = await response.Content.ReadAsStringAsync(_cancellation).ConfigureAwait(false);
            var exchange = new HttpExchange(
                method.Method, url, Headers(request.Headers, content?.Headers), requestBody,
                response.StatusCode, Headers(response.Headers, response.Content.Headers), body, Error: null);
            _exchanges.Add(exchange);
            return new SmokeResponse(exchange);
        }
        catch (Exception e) when (e is HttpRequestException || (e is TaskCanceledException && !_cancellation.IsCancellationRequested))
        {
            var error = e is TaskCanceledException ? $"no answer within {_http.Timeout.TotalSeconds:0.#} s" : e.Message;
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
