namespace Pipeline.Delivery;

/// <summary>
/// Pushes a built image to a registry under each of its tags (<c>docker tag</c>, <c>docker push</c>),
/// then reads the manifest digest back from the registry. Network failures and 5xx answers are
/// retried with <see cref="Backoff"/>; refused credentials are not.
/// </summary>
internal sealed class ImagePusher(Tool docker, RegistryClient registryClient, Backoff backoff)
{
    public async Task<PushedImage> PushAsync(TargetContext context, BuiltImage image, IReadOnlyList<string> tags, RegistryAccess registry, DockerConfigDirectory config)
    {
        ArgumentNullException.ThrowIfNull(context);
        ArgumentNullException.ThrowIfNull(image);
        ArgumentNullException.ThrowIfNull(registry);
        ArgumentNullException.ThrowIfNull(config);
        ArgumentNullException.ThrowIfNull(tags);
        foreach (var tag in tags)
        {
            var local = new ImageReference(null, image.Name, tag, null);
            var remote = registry.ImageFor(image.Name, tag);
            await context.RunAsync(config.Apply(docker.Command("tag", local.ToString(), remote.ToString()))).ConfigureAwait(false);
            await backoff.RunAsync(
                $"docker push {remote}",
                context.Log,
                () => context.RunAsync(config.Apply(docker.Command("push", remote.ToString()))),
                context.Cancellation,
                context.Clock).ConfigureAwait(false);
        }

        var first = registry.ImageFor(image.Name, tags[0]);
        var digest = await backoff.RunAsync(
            $"reading the digest of {first}",
            context.Log,
            () => registryClient.GetDigestAsync(registry, first, context.Cancellation),
            context.Cancellation,
            context.Clock).ConfigureAwait(false);
        var pushed = new PushedImage(image.Name, first.Name, tags, digest);
        context.Log.Info($"Pushed {pushed} (tags {string.Join(", ", tags)})");
        return pushed;
    }
}
