namespace Pipeline.Delivery;

/// <summary>
/// Pushes what <typeparamref name="TBuild"/> built to a registry, reads each manifest digest back, and
/// records the pinned references in <see cref="PushedImages"/>. With several image builds it pushes what
/// each recorded (<see cref="BuiltImages.All"/>): depend on the others too (<c>Extend</c>: <c>DependsOn&lt;BuildWorker&gt;()</c>). Never on a pull request (the job gets
/// the <c>if:</c>; locally <c>GITHUB_EVENT_NAME=pull_request</c> skips it too). With no
/// <see cref="Registry"/> it pushes to a local registry it starts (<see cref="EmbeddedRegistry"/>).
/// <code>
/// public sealed class PushImages : PushImagesTarget&lt;BuildImages&gt;
/// {
///     protected override ContainerRegistry Registry => new GitHubContainerRegistry();
///
///     protected override void Extend(TargetSpec target) => target.DependsOn&lt;Test&gt;();
/// }
/// </code>
/// </summary>
public abstract class PushImagesTarget<TBuild> : Target
    where TBuild : BuildImagesTarget
{
    /// <summary>
    /// Where to push; null (the default) for the local registry. Read when the pipeline is configured,
    /// also when workflows are generated (not under GitHub Actions): pick a registry at run time with
    /// <see cref="RegistryChoice"/> or <see cref="ContainerRegistry.UnderGitHubActions"/>, so the CI job
    /// still gets every candidate's secrets.
    /// </summary>
    protected virtual ContainerRegistry? Registry => null;

    protected virtual Backoff Backoff => Backoff.Default;

    protected virtual Tool Docker => new("docker");

    /// <summary>
    /// Keep this push's digests in a record of its own (<see cref="PushedImages.Of{TPush}"/>, artifact
    /// <see cref="PushedImages.ArtifactOf{TPush}"/>) instead of the pipeline's one: for a pipeline with
    /// several push targets, which would otherwise overwrite one record and upload one artifact twice.
    /// </summary>
    protected virtual bool HasOwnRecord => false;

    /// <summary>The tags of <paramref name="image"/> this push puts in its registry; by default every tag it was built with.</summary>
    protected virtual IEnumerable<string> TagsToPush(BuiltImage image)
    {
        ArgumentNullException.ThrowIfNull(image);
        return image.Tags;
    }

    /// <summary>The local registry used when <see cref="Registry"/> is null: by default the one kept under the repository root.</summary>
    protected virtual EmbeddedRegistry LocalRegistryFor(TargetContext context)
    {
        ArgumentNullException.ThrowIfNull(context);
        return new EmbeddedRegistry(context.RootDirectory);
    }

    /// <summary>
    /// Declares the dependency on <typeparamref name="TBuild"/>, the artifacts, the registry's secrets,
    /// "never on a pull request" and that it publishes, then what <see cref="Extend"/> adds.
    /// </summary>
    protected sealed override void Configure(TargetSpec target)
    {
        ArgumentNullException.ThrowIfNull(target);
        target.Description("Pushes the container images and records their digests")
            .DependsOn<TBuild>()
            .Consumes(BuildImagesTarget.ImagesArtifact)
            .Produces(HasOwnRecord ? PushedImages.ArtifactOf(GetType()) : PushedImages.Artifact)
            .OnlyWhen(!Condition.OnPullRequest)
            .Requires(RequiredTool.Docker)
            .Publishes(); // its workflow restores no cache: nothing another run cached reaches the registry
        var registry = Registry;
        foreach (var parameter in registry?.Parameters ?? [])
        {
            if (registry is RegistryChoice)
            {
                target.Reads(parameter); // chosen at run time: each candidate's reach the CI job, none is required
            }
            else
            {
                target.Requires(parameter);
            }
        }

        Extend(target);
    }

    /// <summary>
    /// What this pipeline adds to the Push target: relations, conditions, a description of its own.
    /// Called after the base's declarations, which it cannot drop.
    /// <code>protected override void Extend(TargetSpec target) => target.DependsOn&lt;Test&gt;();</code>
    /// </summary>
    protected virtual void Extend(TargetSpec target)
    {
    }

    protected override async Task RunAsync(TargetContext context)
    {
        ArgumentNullException.ThrowIfNull(context);
        // A multi-platform image is pushed by digest and merged (PushPlatformImagesTarget, MergeImagesTarget), never by tag here.
        var built = BuiltImages.At(context.RootDirectory).All.Where(i => i.Platforms.Count == 0).ToList();
        var registryContext = new RegistryContext(context);
        var chosen = Registry is RegistryChoice choice ? choice.Chosen(registryContext) : Registry;
        var registry = chosen is { } configured
            ? await configured.ResolveAsync(registryContext).ConfigureAwait(false)
            : new RegistryAccess((await LocalRegistryFor(context).EnsureRunningAsync(context).ConfigureAwait(false)).Host, null, null);

        // Credentials live in this directory for this push only, never in ~/.docker.
        using var config = new DockerConfigDirectory();
        using var http = new HttpClient { Timeout = TimeSpan.FromSeconds(60) };
        await new DockerLogin(Docker.Executable).LoginAsync(context, registry, config).ConfigureAwait(false);
        var pusher = new ImagePusher(Docker, new RegistryClient(http), Backoff);
        var loader = new ImageLoader(Docker);
        var pushed = new List<PushedImage>();
        foreach (var image in built)
        {
            var tags = TagsToPush(image).ToList();
            if (tags.Count == 0)
            {
                throw new TargetFailedException($"{GetType().Name} pushes none of the tags of {image.Name} ({string.Join(", ", image.Tags)}); {nameof(TagsToPush)} must keep one.");
            }

            await loader.EnsureLoadedAsync(context, image).ConfigureAwait(false);
            pushed.Add(await pusher.PushAsync(context, image, tags, registry, config).ConfigureAwait(false));
        }

        (HasOwnRecord ? PushedImages.Of(context.RootDirectory, GetType()) : PushedImages.At(context.RootDirectory)).Record(pushed);
    }
}
