using System.Collections.Immutable;

namespace Pipeline.Delivery;

/// <summary>
/// One image a repository builds: its name (a repository path such as <c>api</c> or <c>shop/api</c>,
/// without registry or tag), its Dockerfile and build context relative to the repository root, and
/// build arguments. <c>new ContainerImage("api", "services/api/Dockerfile", "services/api")</c>.
/// </summary>
public sealed record ContainerImage
{
    public ContainerImage(string name, string dockerfile = "Dockerfile", string context = ".")
    {
        var parsed = ImageReference.Parse(name);
        if (parsed.Registry is not null || parsed.Tag is not null || parsed.Digest is not null)
        {
            throw new ArgumentException(
                $"'{name}' names a registry, tag or digest; a ContainerImage is only the repository name (api, shop/api): tags come from the commit and the registry from the push.",
                nameof(name));
        }

        Name = name;
        Dockerfile = dockerfile;
        Context = context;
    }

    public string Name { get; }

    public string Dockerfile { get; init; }

    public string Context { get; init; }

    /// <summary>Passed as <c>--build-arg NAME=VALUE</c>.</summary>
    public ImmutableSortedDictionary<string, string> BuildArgs { get; init; } = ImmutableSortedDictionary<string, string>.Empty;

    /// <summary>The Dockerfile stage to build (<c>--target</c>); null for the last one.</summary>
    public string? Stage { get; init; }

    /// <summary>
    /// The platforms of a multi-platform image (<see cref="ForPlatforms"/>); empty (the default) for one
    /// image of the engine's own platform, pushed by tag as before.
    /// </summary>
    public ImmutableArray<Platform> Platforms { get; init; } = [];

    public ContainerImage WithBuildArg(string name, string value) => this with { BuildArgs = BuildArgs.SetItem(name, value) };

    /// <summary>
    /// Builds the image for each platform: each is pushed by digest and a manifest list (OCI index)
    /// made from the digests gets the tags (<see cref="PushPlatformImagesTarget{TBuild}"/>,
    /// <see cref="MergeImagesTarget{TPush}"/>). <c>image.ForPlatforms(Platform.LinuxAmd64, Platform.LinuxArm64)</c>.
    /// </summary>
    public ContainerImage ForPlatforms(params IEnumerable<Platform> platforms)
    {
        ArgumentNullException.ThrowIfNull(platforms);
        return this with { Platforms = [.. platforms.Distinct()] };
    }

    /// <summary>The local reference of this image with <paramref name="tag"/>: <c>api:abc1234</c>.</summary>
    public ImageReference Tagged(string tag) => new(null, Name, tag, null);
}
