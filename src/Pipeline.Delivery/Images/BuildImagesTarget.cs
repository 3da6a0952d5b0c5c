namespace Pipeline.Delivery;

/// <summary>
/// Builds the repository's container images, tagged and labelled from the commit, and records them
/// in <see cref="BuiltImages"/> for the targets after it. Subclass it with the images; a pipeline may
/// have several, each with images of its own, side by side locally and in jobs of their own in CI:
/// <code>
/// public sealed class BuildImages : BuildImagesTarget
/// {
///     protected override IEnumerable&lt;ContainerImage&gt; Images =>
///         [new("api", "services/api/Dockerfile", "services/api"), new("consumer", "services/consumer/Dockerfile", "services/consumer")];
///
///     protected override void Extend(TargetSpec target) => target.DependsOn&lt;Compile&gt;();
/// }
/// </code>
/// </summary>
public abstract class BuildImagesTarget : Target
{
    /// <summary>
    /// <c>.nuke/temp/images</c>: what the image builds recorded and, in CI, the images they saved. A family
    /// (see <see cref="Artifact.Member"/>): each build target uploads its own member (<see cref="ArtifactOf{TBuild}"/>),
    /// and a push in another job, which consumes this, downloads every member and loads the images, since
    /// that job's machine has its own Docker engine.
    /// </summary>
    public static Artifact ImagesArtifact { get; } = Artifact.Of("container-images", ".nuke/temp/images");

    /// <summary>What <typeparamref name="TBuild"/> uploads: <c>container-images-build-api</c>, its own folder under <c>.nuke/temp/images</c>.</summary>
    public static Artifact ArtifactOf<TBuild>() where TBuild : BuildImagesTarget => ArtifactOf(typeof(TBuild));

    internal static Artifact ArtifactOf(Type build) =>
        ImagesArtifact.Member(KebabName.Of(build), ImagesArtifact.Paths[0] + "/" + KebabName.Of(build));

    /// <summary>The images to build, in order.</summary>
    protected abstract IEnumerable<ContainerImage> Images { get; }

    /// <summary>Also tag <c>latest</c>. Off by default: a moving tag should be a decision.</summary>
    protected virtual bool TagLatest => false;

    /// <summary>Which tags the images get; <see cref="ImageTagPolicy.CommitHashOnly"/> pins them to the commit and refuses <c>latest</c>.</summary>
    protected virtual ImageTagPolicy TagPolicy => ImageTagPolicy.Default;

    /// <summary>
    /// When to also tag <c>latest</c>, as one line: <c>protected override LatestTag Latest => LatestTag.OnBranch("main");</c>.
    /// By default what <see cref="TagLatest"/> says.
    /// </summary>
    protected virtual LatestTag Latest => TagLatest ? LatestTag.Always : LatestTag.Never;

    /// <summary>The builder; override to use another docker executable.</summary>
    protected virtual DockerImageBuilder Builder { get; } = new();

    /// <summary>
    /// Also <c>docker save</c> each image into its artifact (<see cref="ArtifactOf{TBuild}"/>) for a later job. On by default
    /// in GitHub Actions, where each job has its own machine; off locally, where the engine keeps them.
    /// </summary>
    protected virtual bool SaveImages(TargetContext context)
    {
        ArgumentNullException.ThrowIfNull(context);
        return context.GitHub.IsActions;
    }

    /// <summary>The labels' <c>created</c> time: now on the run's clock; override for reproducible builds (the commit's time, say).</summary>
    protected virtual DateTimeOffset CreatedAt(TargetContext context)
    {
        ArgumentNullException.ThrowIfNull(context);
        return context.Clock.GetUtcNow();
    }

    /// <summary>Declares its images artifact and that only it builds its images, then what <see cref="Extend"/> adds.</summary>
    protected sealed override void Configure(TargetSpec target)
    {
        ArgumentNullException.ThrowIfNull(target);
        TagPolicy.Check(GetType().Name, Latest != LatestTag.Never); // a contradiction stops planning and generation, not only a run
        target.Description("Builds the container images, tagged from the commit").Produces(ArtifactOf(GetType())).Requires(RequiredTool.Docker);
        foreach (var image in Images)
        {
            target.Claims($"the container image '{image.Name}'"); // two builds of one image would each record it: which would be pushed?
        }

        foreach (var step in ImageCiSteps.Emulation(Images))
        {
            target.CiStep(step);
        }

        Extend(target);
    }

    /// <summary>
    /// What this pipeline adds to the BuildImages target: relations, conditions, a description of its own.
    /// Called after the base's declarations, which it cannot drop.
    /// <code>protected override void Extend(TargetSpec target) => target.DependsOn&lt;Compile&gt;();</code>
    /// </summary>
    protected virtual void Extend(TargetSpec target)
    {
    }

    protected override async Task RunAsync(TargetContext context)
    {
        ArgumentNullException.ThrowIfNull(context);
        var images = Images.ToList();
        var duplicate = images.GroupBy(i => i.Name).FirstOrDefault(g => g.Count() > 1);
        if (duplicate is not null)
        {
            throw new TargetFailedException($"Two images are named '{duplicate.Key}'; each image needs its own name.");
        }

        var revision = await GitRevisionReader.ReadAsync(context, context.Variables, context.RootDirectory).ConfigureAwait(false);
        var tags = TagPolicy.TagsFor(revision, Latest.AppliesTo(revision));
        var labels = ImageLabels.For(revision, CreatedAt(context));
        context.Log.Info($"Commit {revision.ShortSha}{(revision.Branch is null ? "" : " on " + revision.Branch)}{(revision.Tag is null ? "" : " tagged " + revision.Tag)}: tags {string.Join(", ", tags)}");

        var built = new List<BuiltImage>();
        var save = SaveImages(context);
        foreach (var image in images)
        {
            // In GitHub Actions the job has set up QEMU (see Configure): every declared platform builds there.
            var result = await Builder.BuildPlatformsAsync(context, image, revision, tags, labels, emulation: context.GitHub.IsActions).ConfigureAwait(false);
            if (save)
            {
                result = await SaveAsync(context, result).ConfigureAwait(false);
            }

            context.Log.Info($"Built {image.Name} ({result.ImageId[..19]}): {string.Join(", ", result.References)}"
                + (result.Platforms.Count == 0 ? "" : $" for {string.Join(", ", result.Platforms.Select(p => p.Platform))}"));
            built.Add(result);
        }

        BuiltImages.Of(context.RootDirectory, GetType()).Record(built);
    }

    /// <summary>Saves a single-platform image whole, a multi-platform one platform by platform (each is pushed by digest).</summary>
    private async Task<BuiltImage> SaveAsync(TargetContext context, BuiltImage image)
    {
        var folder = BuiltImages.FolderOf(context.RootDirectory, GetType()); // its own: another build's archives never share a name with these
        var stem = image.Name.Replace('/', '-');
        if (image.Platforms.Count == 0)
        {
            return await Builder.SaveAsync(context, image, folder / (stem + ".tar")).ConfigureAwait(false);
        }

        var saved = new List<BuiltPlatform>();
        foreach (var platform in image.Platforms)
        {
            saved.Add(await Builder.SaveAsync(context, image, platform, folder / $"{stem}-{platform.Platform.Suffix}.tar").ConfigureAwait(false));
        }

        return image with { Platforms = saved };
    }
}
