namespace Pipeline.Delivery.Tests.Images;

public sealed class ImageLabelsSpecs
{
    private const string Sha = "0123456789abcdef0123456789abcdef01234567";
    private static readonly DateTimeOffset Created = new(2026, 11, 23, 9, 30, 5, TimeSpan.FromHours(2));

    [Fact]
    public void A_release_carries_source_revision_created_and_version()
    {
        var labels = ImageLabels.For(new GitRevision(Sha, null, "v1.2.3", "https://github.com/acme/shop"), Created);

        Assert.Equal(
            new Dictionary<string, string>
            {
                ["org.opencontainers.image.source"] = "https://github.com/acme/shop",
                ["org.opencontainers.image.revision"] = Sha,
                ["org.opencontainers.image.created"] = "2026-11-23T07:30:05Z",
                ["org.opencontainers.image.version"] = "1.2.3",
            },
            labels);
    }

    [Fact]
    public void Without_a_release_tag_or_a_known_source_those_labels_are_left_out()
    {
        var labels = ImageLabels.For(new GitRevision(Sha, "main", null, null), Created);

        Assert.Equal([ImageLabels.Created, ImageLabels.Revision], labels.Keys.Order(StringComparer.Ordinal));
    }
}
