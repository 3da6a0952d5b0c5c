using System.Globalization;

namespace Pipeline.Delivery;

/// <summary>
/// The OCI annotations every built image carries, so a running container can be traced back to its
/// commit: <c>org.opencontainers.image.source</c>, <c>.revision</c>, <c>.created</c>, and
/// <c>.version</c> on a release tag.
/// </summary>
public static class ImageLabels
{
    public const string Source = "org.opencontainers.image.source";
    public const string Revision = "org.opencontainers.image.revision";
    public const string Created = "org.opencontainers.image.created";
    public const string Version = "org.opencontainers.image.version";

    public static IReadOnlyDictionary<string, string> For(GitRevision revision, DateTimeOffset created)
    {
        ArgumentNullException.ThrowIfNull(revision);
        var labels = new SortedDictionary<string, string>(StringComparer.Ordinal)
        {
            [Revision] = revision.Sha,
            [Created] = created.ToUniversalTime().ToString("yyyy-MM-dd'T'HH:mm:ss'Z'", CultureInfo.InvariantCulture),
        };
        if (revision.SourceUrl is { } source)
        {
            labels[Source] = source;
        }

        if (revision.Version is { } version)
        {
            labels[Version] = version.ToString();
        }

        return labels;
    }
}
