namespace Pipeline.Delivery;

/// <summary>
/// Pushes each platform of <typeparamref name="TBuild"/>'s multi-platform images (those with
/// <see cref="ContainerImage.Platforms"/>) by digest only, to every registry in <see cref="Registries"/>,
/// and hands the digests to the merge as the output <see cref="PushedPlatforms.Digests"/>. Never on a
/// pull request. Single-platform images are left to a <see cref="PushImagesTarget{TBuild}"/>. With several
/// image builds it pushes what each recorded: depend on the others too.
/// <code>
/// public sealed class PushPlatforms : PushPlatformImagesTarget&lt;BuildImages&gt;
/// {
///     protected override IEnumerable&lt;ContainerRegistry&gt; Registries => [new GitHubContainerRegistry()];
/// }
/// </code>
/// </summary>
public abstract class PushPlatformImagesTarget<TBuild> : Target
    where TBuild : BuildImagesTarget
{
    /// <summary>Where to push, each getting the same digests; none (the default) for the local registry.</summary>
    protected virtual IEnumerable<ContainerRegistry> Registries => [];

    protected virtual Backoff Backoff => Backoff.Default;

    protected virtual Tool Docker => new("docker");

    /// <summary>The tags the merged list gets; by default every tag the image was built with.</summary>
    protected virtual IEnumerable<string> TagsToPush(BuiltImage image)
    {
        ArgumentNullException.ThrowIfNull(image);
        return image.Tags;
    }

    /// <summary>The local registry used when <see cref="Registries"/> is empty.</summary>
    protected virtual EmbeddedRegistry LocalRegistryFor(TargetContext context)
    {
        ArgumentNullException.ThrowIfNull(context);
        return new EmbeddedRegistry(context.RootDirectory);
    }

    /// <summary>Declares the build dependency, the images artifact, the digests output, the registries' secrets and "never on a pull request", then <see cref="Extend"/>.</summary>
    protected sealed override void Configure(TargetSpec target)
    {
        ArgumentNullException.ThrowIfNull(target);
        target.Description("Pushes each platform of the multi-platform images by digest")
            .DependsOn<TBuild>()
            .Consumes(BuildImagesTarget.ImagesArtifact)
            .Produces(PushedPlatforms.Digests)
            .OnlyWhen(!Condition.OnPullRequest)
            .Requires(RequiredTool.Docker)
            .Publishes();
        RegistryList.Declare(target, Registries);
        Extend(target);
    }

    /// <summary>What this pipeline adds: relations, conditions, a description of its own. Called after the base's declarations.</summary>
    protected virtual void Extend(TargetSpec target)
    {
    }

    protected override async Task RunAsync(TargetContext context)
    {
        ArgumentNullException.ThrowIfNull(context);
        var images = BuiltImages.At(context.RootDirectory).All.Where(i => i.Platforms.Count > 0).ToList();
        if (images.Count == 0)
        {
            context.Log.Warning($"{typeof(TBuild).Name} built no multi-platform image (none declares ForPlatforms): nothing to push by digest.");
        }

        var registries = await RegistryList.ResolveAsync(context, Registries, () => LocalRegistryFor(context)).ConfigureAwait(false);
        using var http = new HttpClient { Timeout = TimeSpan.FromMinutes(10) };
        var pusher = new PlatformImagePusher(Docker, new RegistryClient(http), Backoff);
        var pushed = new List<PushedPlatforms>();
        foreach (var image in images)
        {
            if (image.SkippedPlatforms.Count > 0)
            {
                context.Log.Warning($"{image.Name}: {string.Join(", ", image.SkippedPlatforms)} were not built here; the list will name only {string.Join(", ", image.Platforms.Select(p => p.Platform))}.");
            }

            pushed.Add(await pusher.PushAsync(context, image, [.. TagsToPush(image)], registries).ConfigureAwait(false));
        }

        context.Set(PushedPlatforms.Digests, pushed);
    }
}
