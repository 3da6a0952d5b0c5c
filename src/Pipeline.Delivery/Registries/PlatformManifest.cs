namespace Pipeline.Delivery;

/// <summary>One platform's image in a registry, pushed by digest: what a manifest list names it by.</summary>
/// <param name="Platform">The platform it was built for.</param>
/// <param name="Digest">The digest of its manifest (<c>sha256:…</c>): the same in every registry it was pushed to.</param>
/// <param name="Size">The manifest's size in bytes.</param>
/// <param name="MediaType">The manifest's media type.</param>
public sealed record PlatformManifest(Platform Platform, string Digest, long Size, string MediaType);
