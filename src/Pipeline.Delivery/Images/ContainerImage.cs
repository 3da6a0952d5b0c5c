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

    public ContainerImage WithBuildArg(string name, string value) => this with { BuildArgs = BuildArgs.SetItem(name, value) };

    /// <summary>The local reference of this image with <paramref name="tag"/>: <c>api:abc1234</c>.</summary>
    public ImageReference Tagged(string tag) => new(null, Name, tag, null);
}
