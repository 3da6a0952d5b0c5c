namespace Pipeline.Delivery;

/// <summary>An image the Docker engine now holds: its name, the engine's image id, and its local tags.</summary>
/// <param name="Name">The repository name from the <see cref="ContainerImage"/> (<c>api</c>).</param>
/// <param name="ImageId">The engine's id (<c>sha256:…</c> of the image config).</param>
/// <param name="Tags">The tags it was built with (<c>abc1234</c>, <c>main</c>, <c>1.2.3</c>…).</param>
/// <param name="Revision">The commit it was built from.</param>
/// <param name="Archive">Where <c>docker save</c> wrote it for a later CI job (relative to the root), or null.</param>
public sealed record BuiltImage(string Name, string ImageId, IReadOnlyList<string> Tags, GitRevision Revision, string? Archive = null)
{
    /// <summary>The local references: <c>api:abc1234</c>, <c>api:main</c>…</summary>
    public IEnumerable<ImageReference> References => Tags.Select(tag => new ImageReference(null, Name, tag, null));

    /// <summary>For a multi-platform image, each platform built here; empty for a single-platform one.</summary>
    public IReadOnlyList<BuiltPlatform> Platforms { get; init; } = [];

    /// <summary>Declared platforms not built on this machine (they need emulation; CI builds them).</summary>
    public IReadOnlyList<Platform> SkippedPlatforms { get; init; } = [];
}
