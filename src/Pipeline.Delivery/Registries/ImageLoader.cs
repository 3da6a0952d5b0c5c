namespace Pipeline.Delivery;

/// <summary>
/// Makes sure a built image (or one platform of a multi-platform image) is in this machine's Docker
/// engine before it is used: in CI a push or a size check often runs in another job than the build, on a
/// fresh machine, with the image only as a saved archive.
/// </summary>
internal sealed class ImageLoader(Tool docker)
{
    public Task EnsureLoadedAsync(TargetContext context, BuiltImage image)
    {
        ArgumentNullException.ThrowIfNull(image);
        return EnsureLoadedAsync(context, image.References.First().ToString(), image.ImageId, image.Archive);
    }

    /// <summary>One platform, under the local tag the build gave it (each platform is its own image in the engine).</summary>
    public Task EnsureLoadedAsync(TargetContext context, BuiltImage image, BuiltPlatform platform)
    {
        ArgumentNullException.ThrowIfNull(image);
        ArgumentNullException.ThrowIfNull(platform);
        return EnsureLoadedAsync(context, $"{image.Name}:{platform.LocalTag}", platform.ImageId, platform.Archive);
    }

    private async Task EnsureLoadedAsync(TargetContext context, string reference, string imageId, string? savedArchive)
    {
        ArgumentNullException.ThrowIfNull(context);

        // Asked quietly: "no such image" (exit 1) is an expected answer here, not an error for the log.
        var inspect = await context.RunAsync(docker.Command("image", "inspect", "--format", "{{.Id}}", reference).WithQuietOutput().AcceptingExitCodes(1))
            .ConfigureAwait(false);
        if (inspect.ExitCode == 0 && string.Join("", inspect.StandardOutput).Trim() == imageId)
        {
            return;
        }

        var archive = savedArchive is null ? null : AbsolutePath.Resolve(savedArchive, context.RootDirectory);
        if (archive is null || !File.Exists(archive))
        {
            throw new TargetFailedException(
                $"{reference} ({imageId[..Math.Min(19, imageId.Length)]}) is not in this Docker engine, and no saved archive of it is here. " +
                "Use it in the build's job, or let the build save its images (it does in GitHub Actions) for a later job to load.");
        }

        context.Log.Info($"{reference} is not in this Docker engine: loading it from {savedArchive}");
        await context.RunAsync(docker.Command("load", "--input", archive)).ConfigureAwait(false);
    }
}
