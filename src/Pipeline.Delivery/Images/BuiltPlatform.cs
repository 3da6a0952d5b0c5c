namespace Pipeline.Delivery;

/// <summary>One platform of a multi-platform image, as the Docker engine holds it after the build.</summary>
/// <param name="Platform">What it was built for.</param>
/// <param name="ImageId">The engine's id of this platform's image.</param>
/// <param name="LocalTag">Its local tag (<c>abc1234-linux-arm64</c>): the engine keeps one image per tag, so each platform has its own.</param>
/// <param name="Archive">Where <c>docker save</c> wrote it for a later CI job (relative to the root), or null.</param>
public sealed record BuiltPlatform(Platform Platform, string ImageId, string LocalTag, string? Archive = null);
