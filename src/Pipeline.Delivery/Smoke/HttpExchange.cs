using System.Net;
using System.Text;
using System.Text.RegularExpressions;

namespace Pipeline.Delivery;

/// <summary>
/// One request and its response (or the error instead of one), kept so a failed smoke test can show
/// exactly what was sent and what came back. Credentials are redacted when it is rendered.
/// </summary>
public sealed record HttpExchange(
    string Method,
    Uri Url,
    IReadOnlyList<KeyValuePair<string, string>> RequestHeaders,
    string? RequestBody,
    HttpStatusCode? Status,
    IReadOnlyList<KeyValuePair<string, string>> ResponseHeaders,
    string? ResponseBody,
    string? Error)
{
    private const int BodyLimit = 2_000;

    /// <summary>Headers whose values are never shown.</summary>
    private static readonly HashSet<string> SecretHeaders = new(StringComparer.OrdinalIgnoreCase)
    {
        "Authorization", "Proxy-Authorization", "Cookie", "Set-Cookie", "X-Api-Key",
    };

    // JSON properties that carry credentials: "password": "…", "token": "…", "client_secret": "…".
    private static readonly Regex SecretJsonProperty = new(
        "(\"[^\"]*(?:password|token|secret|apikey|api_key)[^\"]*\"\\s*:\\s*)\"(?:[^\"\\\\]|\\\\.)*\"",
        RegexOptions.IgnoreCase | RegexOptions.CultureInvariant, TimeSpan.FromSeconds(1));

    public override string ToString()
    {
        var text = new StringBuilder();
        text.Append("→ ").Append(Method).Append(' ').Append(Url).Append('\n');
        AppendHeaders(text, RequestHeaders);
        AppendBody(text, RequestBody);
        if (Error is not null)
        {
            text.Append("← no response: ").Append(Error).Append('\n');
            return text.ToString();
        }

        text.Append("← ").Append((int)Status!.Value).Append(' ').Append(Status).Append('\n');
        AppendHeaders(text, ResponseHeaders);
        AppendBody(text, ResponseBody);
        return text.ToString();
    }

    /// <summary>The body with credential-like JSON properties replaced by ***.</summary>
    public static string Redact(string body) => SecretJsonProperty.Replace(body, "$1\"***\"");

    private static void AppendHeaders(StringBuilder text, IEnumerable<KeyValuePair<string, string>> headers)
    {
        foreach (var (name, value) in headers)
        {
            text.Append("  ").Append(name).Append(": ").Append(SecretHeaders.Contains(name) ? "***" : value).Append('\n');
        }
    }

    private static void AppendBody(StringBuilder text, string? body)
    {
        if (string.IsNullOrEmpty(body))
        {
            return;
        }

        var shown = Redact(body);
        if (shown.Length > BodyLimit)
        {
            shown = shown[..BodyLimit] + $"… ({body.Length} characters)";
        }

        text.Append("  ").Append(shown.TrimEnd().Replace("\n", "\n  ", StringComparison.Ordinal)).Append('\n');
    }
}
