using System.Net;
using System.Text;
using System.Text.Json;

namespace Pipeline.Delivery.Performance;

/// <summary>
/// One request of a load test: a method, a path on the service and the status that counts as a
/// success (anything else is an error). The test sends the listed requests in turn; list one twice
/// to send it twice as often.
/// <code>[PerformanceRequest.Get("/health"), PerformanceRequest.Get("/catalog"), PerformanceRequest.Post("/orders", order).Expecting(HttpStatusCode.Created)]</code>
/// </summary>
public sealed record PerformanceRequest
{
    private static readonly JsonSerializerOptions Web = new(JsonSerializerDefaults.Web);

    public PerformanceRequest(HttpMethod method, string path)
    {
        ArgumentNullException.ThrowIfNull(method);
        ArgumentNullException.ThrowIfNull(path);
        if (!path.StartsWith('/') || path.StartsWith("//", StringComparison.Ordinal) || path.Any(char.IsWhiteSpace))
        {
            throw new ArgumentException(
                $"The request path '{path}' is not a path on the service: give one such as /health (the address comes from the deployment or the URL parameter).", nameof(path));
        }

        Method = method;
        Path = path;
    }

    public HttpMethod Method { get; }

    /// <summary>The path and query, starting with <c>/</c>.</summary>
    public string Path { get; }

    /// <summary>The status of a successful answer: 200 unless changed with <see cref="Expecting"/>.</summary>
    public HttpStatusCode ExpectedStatus { get; init; } = HttpStatusCode.OK;

    /// <summary>A JSON body sent with each request; null for none.</summary>
    public string? JsonBody { get; init; }

    public static PerformanceRequest Get(string path) => new(HttpMethod.Get, path);

    /// <summary>A POST of <paramref name="body"/> as JSON (web conventions: camelCase).</summary>
    public static PerformanceRequest Post<T>(string path, T body) => new(HttpMethod.Post, path) { JsonBody = JsonSerializer.Serialize(body, Web) };

    /// <summary>The same request, succeeding with <paramref name="status"/> instead.</summary>
    public PerformanceRequest Expecting(HttpStatusCode status) => this with { ExpectedStatus = status };

    /// <summary><c>GET /health</c>.</summary>
    public override string ToString() => $"{Method.Method} {Path}";

    /// <summary>The message to send to the service at <paramref name="address"/> (a path replaces the address's own).</summary>
    internal HttpRequestMessage ToMessage(Uri address) => new(Method, new Uri(address, Path))
    {
        Content = JsonBody is null ? null : new StringContent(JsonBody, Encoding.UTF8, "application/json"),
    };
}
