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

        var (dockerfile, buildContext) = Locate(context, image);
        await context.RunAsync(BuildCommand(image, dockerfile, buildContext, [.. tags.Select(image.Tagged)], labels, platform: null)).ConfigureAwait(false);
        return new BuiltImage(image.Name, await ImageIdAsync(context, image.Tagged(tags[0])).ConfigureAwait(false), tags, revision);
    }

    /// <summary>
    /// Builds each of <paramref name="image"/>'s platforms that can be built here (<c>docker build --platform</c>),
    /// each under its own local tag (<c>api:abc1234-linux-arm64</c>). This machine's platform also gets the
    /// image's tags, so a local run or deploy finds it by them. A platform whose Dockerfile runs commands is
    /// built only where they can run: on this machine's platform, or with <paramref name="emulation"/> (CI
    /// sets up QEMU); others are skipped with a note saying so.
    /// </summary>
    public async Task<BuiltImage> BuildPlatformsAsync(
        TargetContext context, ContainerImage image, GitRevision revision, IReadOnlyList<string> tags, IReadOnlyDictionary<string, string> labels, bool emulation)
    {
        ArgumentNullException.ThrowIfNull(context);
        ArgumentNullException.ThrowIfNull(image);
        if (image.Platforms.IsDefaultOrEmpty)
        {
            return await BuildAsync(context, image, revision, tags, labels).ConfigureAwait(false);
        }

        var (dockerfile, buildContext) = Locate(context, image);
        var emulated = emulation ? null : DockerfileStages.FirstEmulatedCommand(await File.ReadAllTextAsync(dockerfile, context.Cancellation).ConfigureAwait(false));
        var buildable = image.Platforms.Where(p => p == Platform.Host || emulated is null).ToList();
        var skipped = image.Platforms.Except(buildable).ToList();
        if (skipped.Count > 0)
        {
            context.Log.Info($"Image {image.Name}: not building {string.Join(", ", skipped)} here: its Dockerfile runs commands ({emulated}), which need emulation on this {Platform.Host} machine. CI builds them (QEMU).");
        }

        if (buildable.Count == 0)
        {
            throw new TargetFailedException($"Image {image.Name}: none of its platforms ({string.Join(", ", image.Platforms)}) can be built on this {Platform.Host} machine without emulation.");
        }

        // The image's own tags go to the platform a local run can start: this machine's, else the first.
        var tagged = buildable.Contains(Platform.Host) ? Platform.Host : buildable[0];
        var platforms = new List<BuiltPlatform>();
        foreach (var platform in buildable)
        {
            var local = image.Tagged($"{tags[0]}-{platform.Suffix}");
            ImageReference[] references = platform == tagged ? [local, .. tags.Select(image.Tagged)] : [local];
            var build = emulation || platform == Platform.Host
                ? BuildCommand(image, dockerfile, buildContext, references, labels, platform)
                : Retargeted(BuildCommand(image, dockerfile, buildContext, references, labels, platform: null), platform);
            await context.RunAsync(build).ConfigureAwait(false);
            platforms.Add(new BuiltPlatform(platform, await ImageIdAsync(context, local).ConfigureAwait(false), local.Tag!));
        }

        return new BuiltImage(image.Name, platforms.First(p => p.Platform == tagged).ImageId, tags, revision)
        {
            Platforms = platforms,
            SkippedPlatforms = skipped,
        };
    }

    private static (AbsolutePath Dockerfile, AbsolutePath Context) Locate(TargetContext context, ContainerImage image)
    {
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

        return (dockerfile, buildContext);
    }

    private ToolCommand BuildCommand(
        ContainerImage image, AbsolutePath dockerfile, AbsolutePath buildContext, IEnumerable<ImageReference> references, IReadOnlyDictionary<string, string> labels, Platform? platform)
    {
        var build = docker.Command("build", "--file", dockerfile);
        if (platform is not null)
        {
            build = build.AddArguments("--platform", platform.ToString());
        }

        foreach (var reference in references)
        {
            build = build.AddArguments("--tag", reference.ToString());
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

        return build.AddArguments(buildContext);
    }

    /// <summary>
    /// A foreign platform's build on this machine, for a Dockerfile that runs nothing: the classic builder
    /// cannot write another platform's image (its intermediate images take the engine's platform), but
    /// the files such a Dockerfile copies do not depend on the machine. So it builds here with the
    /// platform's build arguments (<c>COPY bin/${TARGETARCH}/app</c> picks that platform's binary), and
    /// the push writes the platform into the image's config (<see cref="DockerArchive"/>).
    /// </summary>
    private static ToolCommand Retargeted(ToolCommand build, Platform platform) => build.AddArguments(
        "--build-arg", $"TARGETPLATFORM={platform}",
        "--build-arg", $"TARGETOS={platform.Os}",
        "--build-arg", $"TARGETARCH={platform.Architecture}",
        "--build-arg", $"TARGETVARIANT={platform.Variant}");

    private async Task<string> ImageIdAsync(TargetContext context, ImageReference reference)
    {
        var inspect = await context.RunAsync(docker.Command("image", "inspect", "--format", "{{.Id}}", reference.ToString())).ConfigureAwait(false);
        var imageId = inspect.Output.LastOrDefault(l => l.StartsWith("sha256:", StringComparison.Ordinal))
            ?? throw new TargetFailedException($"docker image inspect did not print an id for {reference}.");
        return imageId.Trim();
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

    /// <summary>Writes one platform of <paramref name="image"/> to <paramref name="archive"/>; returns it with the archive recorded.</summary>
    public async Task<BuiltPlatform> SaveAsync(TargetContext context, BuiltImage image, BuiltPlatform platform, AbsolutePath archive)
    {
        ArgumentNullException.ThrowIfNull(context);
        ArgumentNullException.ThrowIfNull(image);
        ArgumentNullException.ThrowIfNull(platform);
        ArgumentNullException.ThrowIfNull(archive);
        Directory.CreateDirectory(archive.Parent!);
        await context.RunAsync(docker.Command("save", "--output", archive, image.Name + ":" + platform.LocalTag)).ConfigureAwait(false);
        return platform with { Archive = archive.RelativeTo(context.RootDirectory) };
    }
}
