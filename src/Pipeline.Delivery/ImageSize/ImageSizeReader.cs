using System.Globalization;

namespace Pipeline.Delivery.ImageSize;

/// <summary>
/// Reads built images' sizes from the Docker engine (<c>docker image inspect</c>), first loading an
/// image a build in another CI job saved, as the push does: this job's engine starts empty.
/// </summary>
internal sealed class ImageSizeReader(Tool docker)
{
    public async Task<IReadOnlyList<ImageSizeMeasurement>> MeasureAsync(TargetContext context, BuiltImage image, ByteSize? limit)
    {
        var loader = new ImageLoader(docker);
        if (image.Platforms.Count == 0)
        {
            await loader.EnsureLoadedAsync(context, image).ConfigureAwait(false);
            var reference = image.References.First().ToString();
            return [new ImageSizeMeasurement(image.Name, reference, await SizeOfAsync(context, reference).ConfigureAwait(false), limit)];
        }

        // Each platform is its own image in the engine, under its own local tag; the budget holds for each.
        var measured = new List<ImageSizeMeasurement>();
        foreach (var platform in image.Platforms)
        {
            var reference = image.Name + ":" + platform.LocalTag;
            await loader.EnsureLoadedAsync(context, image, platform).ConfigureAwait(false);
            measured.Add(new ImageSizeMeasurement($"{image.Name} ({platform.Platform})", reference, await SizeOfAsync(context, reference).ConfigureAwait(false), limit));
        }

        return measured;
    }

    private async Task<ByteSize> SizeOfAsync(TargetContext context, string reference)
    {
        var inspect = await context.RunAsync(docker.Command("image", "inspect", "--format", "{{.Size}}", reference).WithQuietOutput()).ConfigureAwait(false);
        var text = string.Join("", inspect.StandardOutput).Trim();
        return long.TryParse(text, NumberStyles.None, CultureInfo.InvariantCulture, out var bytes)
            ? new ByteSize(bytes)
            : throw new TargetFailedException($"docker image inspect printed '{text}' for the size of {reference}, not a number of bytes.");
    }
}
