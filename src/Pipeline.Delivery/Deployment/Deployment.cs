namespace Pipeline.Delivery;

/// <summary>
/// What to deploy where: one application's image into one environment. The image is an input
/// (built and pushed elsewhere), so every driver deploys exactly the reference it is given.
/// </summary>
/// <param name="Application">The application's name, lower case: names the container, Deployment or values entry.</param>
/// <param name="Image">The image to run, as pushed (a tag and, ideally, a digest).</param>
/// <param name="Environment">The environment's name; also GitHub's deployment environment.</param>
public sealed record Deployment(string Application, ImageReference Image, string Environment = "staging")
{
    /// <summary>The commit the image was built from, when known: used in commit messages and GitHub records.</summary>
    public string? Revision { get; init; }

    /// <summary>The short form people read: the tag, else the digest's first 12 hex digits, else "latest".</summary>
    public string Version => Image.Tag ?? Image.Digest?["sha256:".Length..][..12] ?? "latest";
}
