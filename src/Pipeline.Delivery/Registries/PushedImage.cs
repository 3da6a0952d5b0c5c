using System.Text.Json.Serialization;

namespace Pipeline.Delivery;

/// <summary>An image in a registry: where, under which tags, and the digest that pins it.</summary>
/// <param name="Name">The image's name in the build (<c>api</c>).</param>
/// <param name="Repository">The full repository (<c>ghcr.io/acme/api</c>, <c>127.0.0.1:5000/api</c>).</param>
/// <param name="Tags">The tags pushed.</param>
/// <param name="Digest">The manifest digest the registry reports (<c>sha256:…</c>).</param>
public sealed record PushedImage(string Name, string Repository, IReadOnlyList<string> Tags, string Digest)
{
    /// <summary>The immutable reference to deploy: <c>ghcr.io/acme/api@sha256:…</c>.</summary>
    [JsonIgnore]
    public ImageReference Pinned => ImageReference.Parse(Repository) with { Digest = Digest };

    public override string ToString() => Pinned.ToString();
}
