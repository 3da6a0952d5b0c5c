namespace Pipeline.Delivery;

/// <summary>
/// A container image name as Docker reads it: <c>[registry/]repository[:tag][@digest]</c>. The
/// registry is the first path part only when it looks like a host (has a dot or a colon, or is
/// <c>localhost</c>); otherwise the image lives on Docker Hub.
/// </summary>
public sealed record ImageReference(string? Registry, string Repository, string? Tag, string? Digest)
{
    public static ImageReference Parse(string text)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(text);
        var rest = text.Trim();
        string? digest = null;
        var at = rest.IndexOf('@', StringComparison.Ordinal);
        if (at >= 0)
        {
            digest = rest[(at + 1)..];
            rest = rest[..at];
            if (!digest.StartsWith("sha256:", StringComparison.Ordinal) || digest.Length != "sha256:".Length + 64)
            {
                throw new FormatException($"'{text}' has a digest that is not sha256:<64 hex digits>.");
            }
        }

        string? registry = null;
        var slash = rest.IndexOf('/', StringComparison.Ordinal);
        if (slash > 0 && (rest[..slash].Contains('.', StringComparison.Ordinal) || rest[..slash].Contains(':', StringComparison.Ordinal) || rest[..slash] == "localhost"))
        {
            registry = rest[..slash];
            rest = rest[(slash + 1)..];
        }

        string? tag = null;
        var colon = rest.LastIndexOf(':');
        if (colon >= 0)
        {
            tag = rest[(colon + 1)..];
            rest = rest[..colon];
        }

        if (rest.Length == 0 || rest.Any(c => char.IsUpper(c) || char.IsWhiteSpace(c)) || tag is { Length: 0 or > 128 })
        {
            throw new FormatException($"'{text}' is not an image reference: expected [registry/]name[:tag][@sha256:…] in lower case.");
        }

        return new ImageReference(registry, rest, tag, digest);
    }

    /// <summary>The name without tag or digest: <c>ghcr.io/acme/api</c>.</summary>
    public string Name => Registry is null ? Repository : $"{Registry}/{Repository}";

    public ImageReference WithTag(string tag) => this with { Tag = tag, Digest = null };

    public ImageReference WithDigest(string digest) => this with { Digest = digest };

    public override string ToString() =>
        Name + (Tag is null ? "" : ":" + Tag) + (Digest is null ? "" : "@" + Digest);
}
