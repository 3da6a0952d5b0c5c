namespace Pipeline.Delivery;

/// <summary>
/// Builds a <see cref="ContainerImage"/> with <c>docker build</c>: its Dockerfile, context and build
/// arguments, every tag and every label at once, then asks the engine for the image id.
/// </summary>
public sealed class DockerImageBuilder(Tool docker)
{
    public DockerImageBuilder()
        : this(new Tool("docker"))
    {
    }

    public async Task<BuiltImage> BuildAsync(
        TargetContext context, ContainerImage image, GitRevision revision, IReadOnlyList<string> tags, IReadOnlyDictionary<string, string> labels)
    {
        ArgumentNullException.ThrowIfNull(context);
        ArgumentNullException.ThrowIfNull(image);
        if (tags.Count == 0)
        {
            throw new ArgumentException("An image needs at least one tag.", nameof(tags));
        }

        var dockerfile = AbsolutePath.Resolve(image.Dockerfile, context.RootDirectory);
        var buildContext = AbsolutePath.Resolve(image.Context, context.RootDirectory);
        if (!File.Exists(dockerfile))
        {
            throw new FileNotFoundException($"Image {image.Name}: no Dockerfile at {dockerfile.RelativeTo(context.RootDirectory)}.", dockerfile);
        }

        if (!Directory.Exists(buildContext))
        {
            throw new DirectoryNotFoundException($"Image {image.Name}: the build context {buildContext.RelativeTo(context.RootDirectory)} does not exist.");
        }

        var build = docker.Command("build", "--file", dockerfile);
        foreach (var tag in tags)
        {
            build = build.AddArguments("--tag", image.Tagged(tag).ToString());
        }

        foreach (var (name, value) in labels)
        {
            build = build.AddArguments("--label", $"{name}={value}");
        }

        foreach (var (name, value) in image.BuildArgs)
        {
            build = build.AddArguments("--build-arg", $"{name}={value}");
        }

        if (image.Stage is { } stage)
        {
            build = build.AddArguments("--target", stage);
        }

        await context.RunAsync(build.AddArguments(buildContext)).ConfigureAwait(false);

        var inspect = await context.RunAsync(docker.Command("image", "inspect", "--format", "{{.Id}}", image.Tagged(tags[0]).ToString())).ConfigureAwait(false);
        var imageId = inspect.Output.LastOrDefault(l => l.StartsWith("sha256:", StringComparison.Ordinal))
            ?? throw new TargetFailedException($"docker image inspect did not print an id for {image.Tagged(tags[0])}.");
        return new BuiltImage(image.Name, imageId.Trim(), tags, revision);
    }

    /// <summary>
    /// Writes the image with all its tags to <paramref name="archive"/> (<c>docker save</c>), so a later
    /// job on another machine can <c>docker load</c> it; returns the image with the archive recorded.
    /// </summary>
    public async Task<BuiltImage> SaveAsync(TargetContext context, BuiltImage image, AbsolutePath archive)
    {
        ArgumentNullException.ThrowIfNull(context);
        ArgumentNullException.ThrowIfNull(image);
        ArgumentNullException.ThrowIfNull(archive);
        Directory.CreateDirectory(archive.Parent!);
        await context.RunAsync(docker.Command(["save", "--output", archive, .. image.References.Select(r => r.ToString())])).ConfigureAwait(false);
        return image with { Archive = archive.RelativeTo(context.RootDirectory) };
    }
}
