using System.Security.Cryptography;

namespace Pipeline.Delivery;

/// <summary>
/// Content a registry stores by digest: a layer (in a file, it may be large), an image config or a
/// manifest (in memory). Its descriptor — media type, digest, size — is how a manifest names it.
/// </summary>
internal sealed record OciBlob(string MediaType, string Digest, long Size, string? FilePath, byte[]? Bytes)
{
    public static OciBlob Of(string mediaType, byte[] bytes) =>
        new(mediaType, "sha256:" + Convert.ToHexStringLower(SHA256.HashData(bytes)), bytes.Length, null, bytes);

    public static async Task<OciBlob> OfFileAsync(string mediaType, string path, CancellationToken cancellation)
    {
        var stream = File.OpenRead(path);
        await using (stream.ConfigureAwait(false))
        {
            var hash = await SHA256.HashDataAsync(stream, cancellation).ConfigureAwait(false);
            return new(mediaType, "sha256:" + Convert.ToHexStringLower(hash), stream.Length, path, null);
        }
    }

    /// <summary>A fresh body for one request (a retried request needs its own).</summary>
    public HttpContent Content()
    {
        HttpContent content = Bytes is { } bytes ? new ByteArrayContent(bytes) : new StreamContent(File.OpenRead(FilePath!));
        content.Headers.ContentType = new System.Net.Http.Headers.MediaTypeHeaderValue("application/octet-stream");
        return content;
    }
}
