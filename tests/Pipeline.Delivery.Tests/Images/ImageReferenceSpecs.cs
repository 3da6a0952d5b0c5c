namespace Pipeline.Delivery.Tests.Images;

public sealed class ImageReferenceSpecs
{
    [Theory]
    [InlineData("ghcr.io/acme/api:1.2.3", "ghcr.io", "acme/api", "1.2.3")]
    [InlineData("127.0.0.1:5000/events:abc1234", "127.0.0.1:5000", "events", "abc1234")]
    [InlineData("localhost/events", "localhost", "events", null)]
    [InlineData("acme/api:latest", null, "acme/api", "latest")]
    [InlineData("postgres", null, "postgres", null)]
    public void Splits_registry_repository_and_tag(string text, string? registry, string repository, string? tag)
    {
        var image = ImageReference.Parse(text);

        Assert.Equal((registry, repository, tag), (image.Registry, image.Repository, image.Tag));
        Assert.Equal(text, image.ToString());
    }

    [Fact]
    public void Keeps_a_digest_and_drops_it_when_retagged()
    {
        var digest = "sha256:" + new string('a', 64);
        var image = ImageReference.Parse($"ghcr.io/acme/api:1.0@{digest}");

        Assert.Equal(digest, image.Digest);
        Assert.Equal("ghcr.io/acme/api:2.0", image.WithTag("2.0").ToString());
    }

    [Theory]
    [InlineData("Acme/Api")]
    [InlineData("api:")]
    [InlineData("api@sha256:abc")]
    public void Rejects_what_docker_would_reject(string text) =>
        Assert.Throws<FormatException>(() => ImageReference.Parse(text));
}
