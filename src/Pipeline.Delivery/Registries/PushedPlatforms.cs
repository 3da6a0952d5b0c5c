namespace Pipeline.Delivery;

/// <summary>
/// A multi-platform image pushed platform by platform, by digest only (no tag yet): the value the push
/// hands to the merge (the output <see cref="Digests"/>), which makes the
/// manifest list from <see cref="Platforms"/> and gives it <see cref="Tags"/> in each of <see cref="Repositories"/>.
/// </summary>
/// <param name="Name">The image's name in the build (<c>api</c>).</param>
/// <param name="Repositories">Every repository it was pushed to (<c>127.0.0.1:5000/api</c>, <c>ghcr.io/acme/api</c>).</param>
/// <param name="Tags">The tags the merged list gets.</param>
/// <param name="Platforms">One manifest per platform.</param>
public sealed record PushedPlatforms(string Name, IReadOnlyList<string> Repositories, IReadOnlyList<string> Tags, IReadOnlyList<PlatformManifest> Platforms)
{
    /// <summary>
    /// The output a <see cref="PushPlatformImagesTarget{TBuild}"/> sets and a <see cref="MergeImagesTarget{TPush}"/>
    /// reads: in one run in memory, in CI from the push job's outputs (<c>needs.&lt;push&gt;.outputs.platform-digests</c>).
    /// </summary>
    public static Output<IReadOnlyList<PushedPlatforms>> Digests { get; } = new("The images pushed by digest, one manifest per platform", "PlatformDigests");
}
