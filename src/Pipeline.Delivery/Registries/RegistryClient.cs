using System.Net;
using System.Net.Http.Headers;
using System.Security.Cryptography;
using System.Text;
using System.Text.Json;

namespace Pipeline.Delivery;

/// <summary>
/// Reads a manifest digest from a registry's HTTP API (v2): <c>HEAD /v2/NAME/manifests/TAG</c>, asking
/// for Docker v2 and OCI manifests and lists, and reading <c>Docker-Content-Digest</c>. It answers the
/// registry's challenge: basic auth, or a bearer token from the realm it names.
/// </summary>
internal sealed partial class RegistryClient(HttpClient http)
{
    private static readonly string[] ManifestTypes =
    [
        "application/vnd.oci.image.index.v1+json",
        "application/vnd.oci.image.manifest.v1+json",
        "application/vnd.docker.distribution.manifest.list.v2+json",
        "application/vnd.docker.distribution.manifest.v2+json",
    ];

    /// <summary>The digest (<c>sha256:…</c>) the registry holds for <paramref name="image"/>'s tag.</summary>
    public async Task<string> GetDigestAsync(RegistryAccess registry, ImageReference image, CancellationToken cancellation)
    {
        ArgumentNullException.ThrowIfNull(registry);
        ArgumentNullException.ThrowIfNull(image);
        var repository = registry.Host is "docker.io" && !image.Repository.Contains('/', StringComparison.Ordinal) ? "library/" + image.Repository : image.Repository;
        var url = new Uri(registry.ApiBase, $"v2/{repository}/manifests/{image.Tag ?? "latest"}");

        using var first = await SendAsync(HttpMethod.Head, url, null, cancellation).ConfigureAwait(false);
        var response = first;
        HttpResponseMessage? second = null;
        try
        {
            if (first.StatusCode == HttpStatusCode.Unauthorized)
            {
                var authorization = await AnswerChallengeAsync(first, registry.Credentials, repository, cancellation).ConfigureAwait(false);
                second = await SendAsync(HttpMethod.Head, url, authorization, cancellation).ConfigureAwait(false);
                response = second;
            }

            Check(response, registry, image);
            if (response.Headers.TryGetValues("Docker-Content-Digest", out var values) && values.FirstOrDefault() is { Length: > 0 } digest)
            {
                return digest;
            }

            // A registry that leaves the header out of HEAD: the digest is the SHA-256 of the manifest as served.
            using var body = await SendAsync(HttpMethod.Get, url, response.RequestMessage?.Headers.Authorization, cancellation).ConfigureAwait(false);
            Check(body, registry, image);
            var bytes = await body.Content.ReadAsByteArrayAsync(cancellation).ConfigureAwait(false);
            return "sha256:" + Convert.ToHexStringLower(SHA256.HashData(bytes));
        }
        finally
        {
            second?.Dispose();
        }
    }

    private async Task<HttpResponseMessage> SendAsync(HttpMethod method, Uri url, AuthenticationHeaderValue? authorization, CancellationToken cancellation)
    {
        using var request = new HttpRequestMessage(method, url);
        foreach (var type in ManifestTypes)
        {
            request.Headers.Accept.Add(new MediaTypeWithQualityHeaderValue(type));
        }

        request.Headers.Authorization = authorization;
        return await http.SendAsync(request, cancellation).ConfigureAwait(false);
    }

    private async Task<AuthenticationHeaderValue> AnswerChallengeAsync(
        HttpResponseMessage challenged, RegistryCredentials? credentials, string repository, CancellationToken cancellation, string actions = "pull")
    {
        var challenge = challenged.Headers.WwwAuthenticate.FirstOrDefault()
            ?? throw new RegistryLoginException($"{challenged.RequestMessage?.RequestUri?.Host} answered 401 without saying how to authenticate.");
        var basic = credentials is null ? null : Convert.ToBase64String(Encoding.UTF8.GetBytes($"{credentials.Username}:{credentials.Password}"));
        if (challenge.Scheme.Equals("Basic", StringComparison.OrdinalIgnoreCase))
        {
            return basic is null
                ? throw new RegistryLoginException($"{challenged.RequestMessage?.RequestUri?.Host} needs a user name and password, and none is configured.")
                : new AuthenticationHeaderValue("Basic", basic);
        }

        if (!challenge.Scheme.Equals("Bearer", StringComparison.OrdinalIgnoreCase))
        {
            throw new RegistryLoginException($"{challenged.RequestMessage?.RequestUri?.Host} asks for {challenge.Scheme} authentication, which is not supported.");
        }

        var parameters = ChallengeParameters(challenge.Parameter ?? "");
        var realm = parameters.GetValueOrDefault("realm") ?? throw new RegistryLoginException("The registry's bearer challenge names no realm.");
        var query = new List<string>();
        if (parameters.GetValueOrDefault("service") is { } service)
        {
            query.Add("service=" + Uri.EscapeDataString(service));
        }

        query.Add("scope=" + Uri.EscapeDataString(parameters.GetValueOrDefault("scope") ?? $"repository:{repository}:{actions}"));
        using var request = new HttpRequestMessage(HttpMethod.Get, realm + (realm.Contains('?', StringComparison.Ordinal) ? "&" : "?") + string.Join('&', query));
        if (basic is not null)
        {
            request.Headers.Authorization = new AuthenticationHeaderValue("Basic", basic);
        }

        using var response = await http.SendAsync(request, cancellation).ConfigureAwait(false);
        if (response.StatusCode is HttpStatusCode.Unauthorized or HttpStatusCode.Forbidden)
        {
            throw new RegistryLoginException($"The token service {request.RequestUri?.Host} refused the credentials ({(int)response.StatusCode}).");
        }

        if ((int)response.StatusCode >= 500)
        {
            throw new RegistryUnavailableException($"The token service {request.RequestUri?.Host} answered {(int)response.StatusCode}.");
        }

        response.EnsureSuccessStatusCode();
        using var json = JsonDocument.Parse(await response.Content.ReadAsStringAsync(cancellation).ConfigureAwait(false));
        var token = json.RootElement.TryGetProperty("token", out var t) ? t.GetString()
            : json.RootElement.TryGetProperty("access_token", out var a) ? a.GetString()
            : null;
        return new AuthenticationHeaderValue("Bearer", token ?? throw new RegistryLoginException("The token service answered without a token."));
    }

    /// <summary>Splits <c>realm="https://x/token",service="x",scope="repository:a:pull"</c>.</summary>
    internal static Dictionary<string, string> ChallengeParameters(string text)
    {
        var result = new Dictionary<string, string>(StringComparer.OrdinalIgnoreCase);
        var position = 0;
        while (position < text.Length)
        {
            var equals = text.IndexOf('=', position);
            if (equals < 0)
            {
                break;
            }

            var key = text[position..equals].Trim().TrimStart(',').Trim();
            string value;
            if (equals + 1 < text.Length && text[equals + 1] == '"')
            {
                var close = text.IndexOf('"', equals + 2);
                close = close < 0 ? text.Length : close;
                value = text[(equals + 2)..close];
                position = close + 1;
            }
            else
            {
                var comma = text.IndexOf(',', equals);
                comma = comma < 0 ? text.Length : comma;
                value = text[(equals + 1)..comma].Trim();
                position = comma;
            }

            result[key] = value;
            position = position < text.Length && text[position] == ',' ? position + 1 : position;
        }

        return result;
    }

    private static void Check(HttpResponseMessage response, RegistryAccess registry, ImageReference image)
    {
        var status = (int)response.StatusCode;
        if (response.StatusCode is HttpStatusCode.Unauthorized or HttpStatusCode.Forbidden)
        {
            throw new RegistryLoginException($"{registry.Host} refused to show {image} ({status}): check the credentials and their permissions.");
        }

        if (status >= 500)
        {
            throw new RegistryUnavailableException($"{registry.Host} answered {status} {response.ReasonPhrase} for {image}.");
        }

        if (response.StatusCode == HttpStatusCode.NotFound)
        {
            throw new TargetFailedException($"{registry.Host} has no manifest for {image}.");
        }

        response.EnsureSuccessStatusCode();
    }
}
