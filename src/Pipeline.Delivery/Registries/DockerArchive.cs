using System.Formats.Tar;
using System.IO.Compression;
using System.Text.Json;
using System.Text.Json.Nodes;

namespace Pipeline.Delivery;

/// <summary>
/// An image as <c>docker save</c> writes it (its <c>manifest.json</c> names the config and the layer
/// tars), turned into the blobs of an OCI image: the config as is, each layer gzip-compressed once
/// (a layer already compressed stays as it is). Their digests are computed here, so the same image
/// pushed to two registries has one digest.
/// </summary>
internal static class DockerArchive
{
    /// <summary>Reads <paramref name="archive"/>, writing the layers into <paramref name="workDirectory"/>.</summary>
    /// <param name="platform">The platform the image is for: written into its config where the builder wrote another (see <see cref="DockerImageBuilder"/>).</param>
    public static async Task<(OciBlob Config, IReadOnlyList<OciBlob> Layers)> ReadAsync(string archive, Platform platform, string workDirectory, CancellationToken cancellation)
    {
        Directory.CreateDirectory(workDirectory);
        var extracted = Path.Combine(workDirectory, "extracted");
        await TarFile.ExtractToDirectoryAsync(archive, Directory.CreateDirectory(extracted).FullName, overwriteFiles: true, cancellation).ConfigureAwait(false);
        using var manifest = JsonDocument.Parse(await File.ReadAllBytesAsync(Path.Combine(extracted, "manifest.json"), cancellation).ConfigureAwait(false));
        var image = manifest.RootElement.EnumerateArray().Single();
        var config = OciBlob.Of(OciManifests.ImageConfig, ForPlatform(
            await File.ReadAllBytesAsync(Path.Combine(extracted, image.GetProperty("Config").GetString()!), cancellation).ConfigureAwait(false), platform));

        var layers = new List<OciBlob>();
        foreach (var layer in image.GetProperty("Layers").EnumerateArray().Select(l => Path.Combine(extracted, l.GetString()!)))
        {
            var compressed = Path.Combine(workDirectory, $"layer-{layers.Count}.tar.gz");
            if (await IsGzipAsync(layer, cancellation).ConfigureAwait(false))
            {
                File.Copy(layer, compressed, overwrite: true);
            }
            else
            {
                var source = File.OpenRead(layer);
                await using (source.ConfigureAwait(false))
                {
                    var target = File.Create(compressed);
                    await using (target.ConfigureAwait(false))
                    {
                        var gzip = new GZipStream(target, CompressionLevel.Optimal);
                        await using (gzip.ConfigureAwait(false))
                        {
                            await source.CopyToAsync(gzip, cancellation).ConfigureAwait(false);
                        }
                    }
                }
            }

            layers.Add(await OciBlob.OfFileAsync(OciManifests.GzipLayer, compressed, cancellation).ConfigureAwait(false));
        }

        return (config, layers);
    }

    /// <summary>The config as built when it names <paramref name="platform"/> (its bytes, so its digest, unchanged), else with the platform written in.</summary>
    private static byte[] ForPlatform(byte[] config, Platform platform)
    {
        var json = JsonNode.Parse(config)!.AsObject();
        if ((string?)json["os"] == platform.Os && (string?)json["architecture"] == platform.Architecture && (string?)json["variant"] == platform.Variant)
        {
            return config;
        }

        json["os"] = platform.Os;
        json["architecture"] = platform.Architecture;
        json.Remove("variant");
        if (platform.Variant is { } variant)
        {
            json["variant"] = variant;
        }

        return JsonSerializer.SerializeToUtf8Bytes(json);
    }

    private static async Task<bool> IsGzipAsync(string path, CancellationToken cancellation)
    {
        var stream = File.OpenRead(path);
        await using (stream.ConfigureAwait(false))
        {
            var magic = new byte[2];
            return await stream.ReadAtLeastAsync(magic, 2, throwOnEndOfStream: false, cancellation).ConfigureAwait(false) == 2 && magic[0] == 0x1f && magic[1] == 0x8b;
        }
    }
}
