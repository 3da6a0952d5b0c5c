namespace Pipeline.Delivery;

/// <summary>
/// Pushes each platform of a multi-platform image by digest only, through the registry API: the
/// platform's image (its saved archive, or <c>docker save</c> now) becomes an OCI image manifest, whose
/// layers, config and manifest are uploaded to every registry. No tag is written: the merge tags the list.
/// </summary>
internal sealed class PlatformImagePusher(Tool docker, RegistryClient registryClient, Backoff backoff)
{
    public async Task<PushedPlatforms> PushAsync(TargetContext context, BuiltImage image, IReadOnlyList<string> tags, IReadOnlyList<RegistryAccess> registries)
    {
        ArgumentNullException.ThrowIfNull(context);
        ArgumentNullException.ThrowIfNull(image);
        var work = Path.Combine(Path.GetTempPath(), "pipeline-push-" + Guid.NewGuid().ToString("N")[..10]);
        try
        {
            var manifests = new List<PlatformManifest>();
            foreach (var platform in image.Platforms)
            {
                var folder = Path.Combine(work, platform.Platform.Suffix);
                var archive = await ArchiveAsync(context, image, platform, folder).ConfigureAwait(false);
                var (config, layers) = await DockerArchive.ReadAsync(archive, platform.Platform, folder, context.Cancellation).ConfigureAwait(false);
                var manifest = OciManifests.Manifest(config, layers);
                foreach (var registry in registries)
                {
                    var repository = registry.ImageFor(image.Name, "unused").Repository;
                    foreach (var blob in layers.Append(config))
                    {
                        await RetriedAsync(context, $"uploading a layer of {image.Name} ({platform.Platform}) to {registry.Host}", () => registryClient.UploadBlobAsync(registry, repository, blob, context.Cancellation)).ConfigureAwait(false);
                    }

                    await RetriedAsync(context, $"putting the {platform.Platform} manifest of {image.Name} to {registry.Host}", () => registryClient.PutManifestAsync(registry, repository, manifest.Digest, manifest, context.Cancellation)).ConfigureAwait(false);
                    context.Log.Info($"Pushed {registry.Host}/{repository}@{manifest.Digest} ({platform.Platform}, by digest)");
                }

                manifests.Add(new PlatformManifest(platform.Platform, manifest.Digest, manifest.Size, manifest.MediaType));
            }

            return new PushedPlatforms(image.Name, [.. registries.Select(r => r.ImageFor(image.Name, "unused").Name)], tags, manifests);
        }
        finally
        {
            if (Directory.Exists(work))
            {
                Directory.Delete(work, recursive: true);
            }
        }
    }

    /// <summary>The platform's saved archive (CI: downloaded from the build job), else one written now from this engine.</summary>
    private async Task<string> ArchiveAsync(TargetContext context, BuiltImage image, BuiltPlatform platform, string folder)
    {
        if (platform.Archive is { } saved && AbsolutePath.Resolve(saved, context.RootDirectory) is var path && File.Exists(path))
        {
            return path;
        }

        Directory.CreateDirectory(folder);
        var archive = Path.Combine(folder, "image.tar");
        var local = $"{image.Name}:{platform.LocalTag}";
        var result = await context.RunAsync(docker.Command("save", "--output", archive, local).WithQuietOutput().AcceptingExitCodes(1)).ConfigureAwait(false);
        return result.ExitCode == 0
            ? archive
            : throw new TargetFailedException(
                $"{local} ({platform.Platform}) is not in this Docker engine, and no saved archive of it is here. " +
                "Build and push in the same job, or let the build save its images (it does in GitHub Actions) for the push job.");
    }

    private async Task RetriedAsync(TargetContext context, string what, Func<Task> action) =>
        await backoff.RunAsync(what, context.Log, async () => { await action().ConfigureAwait(false); return true; }, context.Cancellation, context.Clock).ConfigureAwait(false);
}
