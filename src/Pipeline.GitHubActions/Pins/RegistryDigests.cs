using System.Net;
using System.Net.Http.Headers;
using System.Text.Json;

namespace Pipeline.GitHubActions;

/// <summary>
/// The digest a registry serves for <c>name:tag</c>: the OCI distribution API's <c>HEAD
/// /v2/&lt;name&gt;/manifests/&lt;tag&gt;</c> (its <c>Docker-Content-Digest</c>), for the index of a
/// multi-platform image as for a single manifest. A registry that answers 401 with a bearer
/// challenge (Docker Hub, GHCR) gets an anonymous token first. A registry on loopback is spoken to
/// over plain HTTP, as Docker does.
/// </summary>
internal sealed class RegistryDigests(HttpMessageHandler handler)
{
    private const string DockerHub = "registry-1.docker.io";

    private static readonly string[] ManifestTypes =
    [
        "application/vnd.oci.image.index.v1+json",
        "application/vnd.docker.distribution.manifest.list.v2+json",
        "application/vnd.oci.image.manifest.v1+json",
        "application/vnd.docker.distribution.manifest.v2+json",
    ];

    public async Task<string> DigestOfAsync(string image, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(image);
        var tag = ImagePins.TagOf(image) ?? throw new UsageException($"the image {image} has no tag: lock it as name:tag.");
        var (registry, repository) = Split(ImagePins.NameOf(image));
        var scheme = registry.StartsWith("127.", StringComparison.Ordinal) || registry.StartsWith("localhost", StringComparison.Ordinal) ? "http" : "https";
        var manifest = new Uri($"{scheme}://{registry}/v2/{repository}/manifests/{tag}");
        using var http = new HttpClient(handler, disposeHandler: false);
        try
        {
            using var response = await HeadAsync(http, manifest, null, cancellationToken).ConfigureAwait(false);
            using var authorized = response.StatusCode == HttpStatusCode.Unauthorized
                && await TokenAsync(http, response, cancellationToken).ConfigureAwait(false) is { } token
                ? await HeadAsync(http, manifest, token, cancellationToken).ConfigureAwait(false)
                : null;
            var answer = authorized ?? response;
            if (!answer.IsSuccessStatusCode)
            {
                throw new UsageException($"the registry {registry} answered {(int)answer.StatusCode} for {image}: check the name and tag.");
            }

            return answer.Headers.TryGetValues("Docker-Content-Digest", out var values) && values.FirstOrDefault() is { } digest && ActionLock.IsDigest(digest)
                ? digest
                : throw new UsageException($"the registry {registry} gave no sha256 digest for {image}.");
        }
        catch (HttpRequestException e)
        {
            throw new UsageException($"the registry {registry} could not be reached for {image}: {e.Message}");
        }
    }

    /// <summary><c>postgres</c> is Docker Hub's <c>library/postgres</c>; a first part with a '.' or ':' (or localhost) is a registry.</summary>
    private static (string Registry, string Repository) Split(string name)
    {
        var slash = name.IndexOf('/', StringComparison.Ordinal);
        var first = slash < 0 ? "" : name[..slash];
        if (first.Contains('.', StringComparison.Ordinal) || first.Contains(':', StringComparison.Ordinal) || first == "localhost")
        {
            return (first == "docker.io" ? DockerHub : first, name[(slash + 1)..]);
        }

        return (DockerHub, slash < 0 ? $"library/{name}" : name);
    }

    private static async Task<HttpResponseMessage> HeadAsync(HttpClient http, Uri manifest, string? token, CancellationToken cancellationToken)
    {
        using var request = new HttpRequestMessage(HttpMethod.Head, manifest);
        foreach (var type in ManifestTypes)
        {
            request.Headers.Accept.Add(new MediaTypeWithQualityHeaderValue(type));
        }

        if (token is not null)
        {
            request.Headers.Authorization = new AuthenticationHeaderValue("Bearer", token);
        }

        return await http.SendAsync(request, cancellationToken).ConfigureAwait(false);
    }

    /// <summary>An anonymous pull token from the realm the bearer challenge names.</summary>
    private static async Task<string?> TokenAsync(HttpClient http, HttpResponseMessage challenged, CancellationToken cancellationToken)
    {
        var challenge = challenged.Headers.WwwAuthenticate.FirstOrDefault(h => h.Scheme.Equals("Bearer", StringComparison.OrdinalIgnoreCase));
        if (challenge?.Parameter is not { } parameter)
        {
            return null;
        }

        var fields = parameter.Split(',')
            .Select(p => p.Split('=', 2))
            .Where(p => p.Length == 2)
            .ToDictionary(p => p[0].Trim(), p => p[1].Trim().Trim('"'), StringComparer.OrdinalIgnoreCase);
        if (!fields.TryGetValue("realm", out var realm))
        {
            return null;
        }

        var query = string.Join('&', fields.Where(f => f.Key != "realm").Select(f => $"{f.Key}={Uri.EscapeDataString(f.Value)}"));
        using var response = await http.GetAsync(new Uri(query.Length == 0 ? realm : $"{realm}?{query}"), cancellationToken).ConfigureAwait(false);
        if (!response.IsSuccessStatusCode)
        {
            return null;
        }

        using var json = JsonDocument.Parse(await response.Content.ReadAsStringAsync(cancellationToken).ConfigureAwait(false));
        return json.RootElement.TryGetProperty("token", out var token) || json.RootElement.TryGetProperty("access_token", out token) ? token.GetString() : null;
    }
}
