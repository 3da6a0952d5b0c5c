using System.Collections.Concurrent;
using System.Net;
using System.Net.Http.Headers;

namespace Pipeline.Delivery;

// Writing to a registry: blobs and manifests by digest, a manifest list under a tag, and reading a
// manifest back — the registry HTTP API (distribution spec), so a push by digest needs no other tool.
internal sealed partial class RegistryClient
{
    private readonly ConcurrentDictionary<string, AuthenticationHeaderValue> _authorizations = new(StringComparer.Ordinal);

    /// <summary>Uploads <paramref name="blob"/> unless the repository has it already (a second platform shares layers, a second push shares all).</summary>
    public async Task UploadBlobAsync(RegistryAccess registry, string repository, OciBlob blob, CancellationToken cancellation)
    {
        ArgumentNullException.ThrowIfNull(registry);
        ArgumentNullException.ThrowIfNull(blob);
        var blobUrl = new Uri(registry.ApiBase, $"v2/{repository}/blobs/{blob.Digest}");
        using (var head = await SendAsync(registry, repository, () => new HttpRequestMessage(HttpMethod.Head, blobUrl), cancellation).ConfigureAwait(false))
        {
            if (head.IsSuccessStatusCode)
            {
                return;
            }
        }

        using var started = await SendAsync(
            registry, repository, () => new HttpRequestMessage(HttpMethod.Post, new Uri(registry.ApiBase, $"v2/{repository}/blobs/uploads/")), cancellation).ConfigureAwait(false);
        await WrittenAsync(started, registry, $"starting an upload to {repository}", cancellation).ConfigureAwait(false);
        var location = started.Headers.Location ?? throw new TargetFailedException($"{registry.Host} started an upload to {repository} without saying where to send it.");
        var upload = location.IsAbsoluteUri ? location : new Uri(registry.ApiBase, location);
        var put = new Uri(upload + (upload.Query.Length == 0 ? "?" : "&") + "digest=" + Uri.EscapeDataString(blob.Digest));
        using var done = await SendAsync(registry, repository, () => new HttpRequestMessage(HttpMethod.Put, put) { Content = blob.Content() }, cancellation).ConfigureAwait(false);
        await WrittenAsync(done, registry, $"uploading {blob.Digest[..19]} to {repository}", cancellation).ConfigureAwait(false);
    }

    /// <summary>Puts a manifest (or manifest list) under <paramref name="reference"/>, its digest or a tag; returns the digest the registry reports.</summary>
    public async Task<string> PutManifestAsync(RegistryAccess registry, string repository, string reference, OciBlob manifest, CancellationToken cancellation)
    {
        ArgumentNullException.ThrowIfNull(registry);
        ArgumentNullException.ThrowIfNull(manifest);
        var url = new Uri(registry.ApiBase, $"v2/{repository}/manifests/{reference}");
        using var response = await SendAsync(registry, repository, () =>
        {
            var content = new ByteArrayContent(manifest.Bytes!);
            content.Headers.ContentType = new MediaTypeHeaderValue(manifest.MediaType);
            return new HttpRequestMessage(HttpMethod.Put, url) { Content = content };
        }, cancellation).ConfigureAwait(false);
        await WrittenAsync(response, registry, $"putting the manifest {repository}:{reference}", cancellation).ConfigureAwait(false);
        return response.Headers.TryGetValues("Docker-Content-Digest", out var values) && values.FirstOrDefault() is { Length: > 0 } digest ? digest : manifest.Digest;
    }

    /// <summary>The manifest (or list) under <paramref name="reference"/>, as served: its media type and bytes.</summary>
    public async Task<OciBlob> GetManifestAsync(RegistryAccess registry, string repository, string reference, CancellationToken cancellation)
    {
        ArgumentNullException.ThrowIfNull(registry);
        var url = new Uri(registry.ApiBase, $"v2/{repository}/manifests/{reference}");
        using var response = await SendAsync(registry, repository, () =>
        {
            var request = new HttpRequestMessage(HttpMethod.Get, url);
            foreach (var type in ManifestTypes)
            {
                request.Headers.Accept.Add(new MediaTypeWithQualityHeaderValue(type));
            }

            return request;
        }, cancellation).ConfigureAwait(false);
        Check(response, registry, new ImageReference(registry.Host, repository, reference.Contains(':', StringComparison.Ordinal) ? null : reference, reference.Contains(':', StringComparison.Ordinal) ? reference : null));
        var bytes = await response.Content.ReadAsByteArrayAsync(cancellation).ConfigureAwait(false);
        return OciBlob.Of(response.Content.Headers.ContentType?.MediaType ?? "", bytes);
    }

    /// <summary>Sends with the authorization this repository earned before, answering a 401 challenge (for pull and push) once.</summary>
    private async Task<HttpResponseMessage> SendAsync(RegistryAccess registry, string repository, Func<HttpRequestMessage> request, CancellationToken cancellation)
    {
        var key = registry.Host + "/" + repository;
        using (var first = request())
        {
            first.Headers.Authorization = _authorizations.GetValueOrDefault(key);
            var response = await http.SendAsync(first, cancellation).ConfigureAwait(false);
            if (response.StatusCode != HttpStatusCode.Unauthorized)
            {
                return response;
            }

            try
            {
                _authorizations[key] = await AnswerChallengeAsync(response, registry.Credentials, repository, cancellation, "pull,push").ConfigureAwait(false);
            }
            finally
            {
                response.Dispose();
            }
        }

        using var second = request();
        second.Headers.Authorization = _authorizations[key];
        return await http.SendAsync(second, cancellation).ConfigureAwait(false);
    }

    private static async Task WrittenAsync(HttpResponseMessage response, RegistryAccess registry, string what, CancellationToken cancellation)
    {
        var status = (int)response.StatusCode;
        if (response.StatusCode is HttpStatusCode.Unauthorized or HttpStatusCode.Forbidden)
        {
            throw new RegistryLoginException($"{registry.Host} refused {what} ({status}): check the credentials and that they may push.");
        }

        if (status >= 500)
        {
            throw new RegistryUnavailableException($"{registry.Host} answered {status} {response.ReasonPhrase} {what}.");
        }

        if (!response.IsSuccessStatusCode)
        {
            var body = await response.Content.ReadAsStringAsync(cancellation).ConfigureAwait(false);
            throw new TargetFailedException($"{registry.Host} answered {status} {response.ReasonPhrase} {what}: {(body.Length > 300 ? body[..300] + "…" : body)}");
        }
    }
}
