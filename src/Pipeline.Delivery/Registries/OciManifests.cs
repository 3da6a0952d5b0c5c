using System.Text.Json;
using System.Text.Json.Serialization;

namespace Pipeline.Delivery;

/// <summary>The OCI media types and JSON documents a push by digest writes: an image manifest per platform, and the index over them.</summary>
internal static class OciManifests
{
    public const string ImageManifest = "application/vnd.oci.image.manifest.v1+json";
    public const string ImageIndex = "application/vnd.oci.image.index.v1+json";
    public const string ImageConfig = "application/vnd.oci.image.config.v1+json";
    public const string GzipLayer = "application/vnd.oci.image.layer.v1.tar+gzip";

    private static readonly JsonSerializerOptions Json = new(JsonSerializerDefaults.Web) { DefaultIgnoreCondition = JsonIgnoreCondition.WhenWritingNull };

    /// <summary>An image manifest naming its config and layers.</summary>
    public static OciBlob Manifest(OciBlob config, IEnumerable<OciBlob> layers) => OciBlob.Of(ImageManifest, JsonSerializer.SerializeToUtf8Bytes(
        new { schemaVersion = 2, mediaType = ImageManifest, config = Descriptor(config), layers = layers.Select(Descriptor).ToList() }, Json));

    /// <summary>An index (manifest list) of one manifest per platform, in the order given.</summary>
    public static OciBlob Index(IEnumerable<PlatformManifest> manifests) => OciBlob.Of(ImageIndex, JsonSerializer.SerializeToUtf8Bytes(
        new
        {
            schemaVersion = 2,
            mediaType = ImageIndex,
            manifests = manifests.Select(m => new
            {
                mediaType = m.MediaType,
                digest = m.Digest,
                size = m.Size,
                platform = new { architecture = m.Platform.Architecture, os = m.Platform.Os, variant = m.Platform.Variant },
            }).ToList(),
        },
        Json));

    /// <summary>The platforms and digests an index lists (what a registry serves for a multi-platform tag).</summary>
    public static IReadOnlyList<PlatformManifest> Entries(OciBlob index)
    {
        ArgumentNullException.ThrowIfNull(index);
        using var document = JsonDocument.Parse(index.Bytes);
        return [.. document.RootElement.GetProperty("manifests").EnumerateArray().Select(m =>
        {
            var platform = m.GetProperty("platform");
            return new PlatformManifest(
                new Platform(
                    platform.GetProperty("os").GetString()!,
                    platform.GetProperty("architecture").GetString()!,
                    platform.TryGetProperty("variant", out var variant) ? variant.GetString() : null),
                m.GetProperty("digest").GetString()!,
                m.GetProperty("size").GetInt64(),
                m.GetProperty("mediaType").GetString()!);
        })];
    }

    private static object Descriptor(OciBlob blob) => new { mediaType = blob.MediaType, digest = blob.Digest, size = blob.Size };
}
