namespace Pipeline.Delivery;

/// <summary>
/// Makes each multi-platform image's manifest list (an OCI index) from the digests
/// <typeparamref name="TPush"/> pushed (<see cref="PushedPlatforms.Digests"/>), puts it under every tag in
/// every registry, and records the list's digest in <see cref="PushedImages"/> for a deploy. In GitHub
/// Actions it also attests the lists (<see cref="Attestations"/>). Never on a pull request.
/// <code>
/// public sealed class MergeImages : MergeImagesTarget&lt;PushPlatforms&gt;
/// {
///     protected override IEnumerable&lt;ContainerRegistry&gt; Registries => [new GitHubContainerRegistry()];
///     protected override IEnumerable&lt;ImageAttestation&gt; Attestations => [ImageAttestation.Provenance(ShopImages.Api)];
/// }
/// </code>
/// </summary>
public abstract class MergeImagesTarget<TPush> : Target
    where TPush : Target
{
    /// <summary>The registries the push wrote to (their logins are needed again); none for the local registry.</summary>
    protected virtual IEnumerable<ContainerRegistry> Registries => [];

    /// <summary>The attestations the CI job makes for the merged lists (in the first registry); none by default.</summary>
    protected virtual IEnumerable<ImageAttestation> Attestations => [];

    protected virtual Backoff Backoff => Backoff.Default;

    /// <summary>The local registry used when <see cref="Registries"/> is empty.</summary>
    protected virtual EmbeddedRegistry LocalRegistryFor(TargetContext context)
    {
        ArgumentNullException.ThrowIfNull(context);
        return new EmbeddedRegistry(context.RootDirectory);
    }

    /// <summary>Declares the push dependency, the digests it reads, the record it writes, the registries' secrets, the attestations' outputs and CI steps, then <see cref="Extend"/>.</summary>
    protected sealed override void Configure(TargetSpec target)
    {
        ArgumentNullException.ThrowIfNull(target);
        target.Description("Makes the multi-platform manifest lists from the pushed digests and tags them")
            .DependsOn<TPush>()
            .Consumes(PushedPlatforms.Digests)
            .Produces(PushedImages.Artifact)
            .OnlyWhen(!Condition.OnPullRequest)
            .Publishes();
        RegistryList.Declare(target, Registries);
        foreach (var image in Attestations.Select(a => a.ImageName).Distinct())
        {
            target.Produces(ImageAttestation.SubjectOf(image)).Produces(ImageAttestation.DigestOf(image));
        }

        foreach (var step in ImageCiSteps.Attestations(Attestations))
        {
            target.CiStep(step);
        }

        Extend(target);
    }

    /// <summary>What this pipeline adds: relations, conditions, a description of its own. Called after the base's declarations.</summary>
    protected virtual void Extend(TargetSpec target)
    {
    }

    protected override async Task RunAsync(TargetContext context)
    {
        ArgumentNullException.ThrowIfNull(context);
        var images = context.Get(PushedPlatforms.Digests);
        var registries = await RegistryList.ResolveAsync(context, Registries, () => LocalRegistryFor(context)).ConfigureAwait(false);
        using var http = new HttpClient { Timeout = TimeSpan.FromSeconds(60) };
        var client = new RegistryClient(http);
        var merged = new List<PushedImage>();
        foreach (var image in images)
        {
            if (image.Tags.Count == 0 || image.Platforms.Count == 0)
            {
                throw new TargetFailedException($"{image.Name} was pushed with {(image.Tags.Count == 0 ? "no tag to give its list" : "no platform")}: nothing to merge.");
            }

            var index = OciManifests.Index(image.Platforms);
            foreach (var registry in registries)
            {
                var repository = registry.ImageFor(image.Name, "unused");
                if (!image.Repositories.Contains(repository.Name))
                {
                    throw new TargetFailedException($"{image.Name} was not pushed to {repository.Name} (only to {string.Join(", ", image.Repositories)}): give the push and the merge the same registries.");
                }

                string digest = "";
                foreach (var tag in image.Tags)
                {
                    digest = await Backoff.RunAsync(
                        $"tagging the list of {repository.Name} as {tag}",
                        context.Log,
                        () => client.PutManifestAsync(registry, repository.Repository, tag, index, context.Cancellation),
                        context.Cancellation,
                        context.Clock).ConfigureAwait(false);
                }

                var pushed = new PushedImage(image.Name, repository.Name, image.Tags, digest);
                context.Log.Info($"Merged {pushed} ({string.Join(", ", image.Platforms.Select(p => p.Platform))}; tags {string.Join(", ", image.Tags)})");
                merged.Add(pushed);
            }
        }

        PushedImages.At(context.RootDirectory).Record(merged);
        foreach (var name in Attestations.Select(a => a.ImageName).Distinct())
        {
            var first = merged.FirstOrDefault(m => m.Name == name)
                ?? throw new TargetFailedException($"{GetType().Name} attests {name}, which the push did not push as a multi-platform image.");
            context.Set(ImageAttestation.SubjectOf(name), first.Repository);
            context.Set(ImageAttestation.DigestOf(name), first.Digest);
        }
    }
}
