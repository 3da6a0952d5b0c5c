namespace Pipeline.Delivery;

/// <summary>
/// Makes sure a built image is in this machine's Docker engine before it is pushed: in CI the push
/// often runs in another job than the build, on a fresh machine, with the image only as a saved archive.
/// </summary>
internal sealed class ImageLoader(Tool docker)
{
    public async Task EnsureLoadedAsync(TargetContext context, BuiltImage image)
    {
        ArgumentNullException.ThrowIfNull(context);
        ArgumentNullException.ThrowIfNull(image);
        var first = image.References.First().ToString();

        // Asked quietly: "no such image" (exit 1) is an expected answer here, not an error for the log.
        var inspect = await context.RunAsync(docker.Command("image", "inspect", "--format", "{{.Id}}", first).WithQuietOutput().AcceptingExitCodes(1))
            .ConfigureAwait(false);
        if (inspect.ExitCode == 0 && string.Join("", inspect.StandardOutput).Trim() == image.ImageId)
        {
            return;
        }

        var archive = image.Archive is null ? null : AbsolutePath.Resolve(image.Archive, context.RootDirectory);
        if (archive is null || !File.Exists(archive))
        {
            throw new TargetFailedException(
                $"{first} ({image.ImageId[..19]}) is not in this Docker engine, and no saved archive of it is here. " +
                "Build and push in the same job, or let the build save its images (it does in GitHub Actions) for the push job to load.");
        }

        context.Log.Info($"{first} is not in this Docker engine: loading it from {image.Archive}");
        await context.RunAsync(docker.Command("load", "--input", archive)).ConfigureAwait(false);
    }
}
