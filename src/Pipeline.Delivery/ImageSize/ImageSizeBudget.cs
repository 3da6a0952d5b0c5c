namespace Pipeline.Delivery.ImageSize;

/// <summary>
/// The most an image may weigh in the engine (its unpacked size, as <c>docker images</c> shows it):
/// <c>ImageSizeBudget.Of("api", 200.MB())</c>. The image is named as it is built, without registry or tag.
/// </summary>
public sealed record ImageSizeBudget
{
    private ImageSizeBudget(string image, ByteSize limit)
    {
        Image = image;
        Limit = limit;
    }

    /// <summary>The image's name, as its <see cref="ContainerImage"/> has it (<c>api</c>, <c>shop/api</c>).</summary>
    public string Image { get; }

    public ByteSize Limit { get; }

    public static ImageSizeBudget Of(string image, ByteSize limit)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(image);
        ImageReference parsed;
        try
        {
            parsed = ImageReference.Parse(image);
        }
        catch (FormatException e)
        {
            throw new ArgumentException($"The budget's image '{image}' is not an image name: {e.Message}", nameof(image), e);
        }

        if (parsed.Registry is not null || parsed.Tag is not null || parsed.Digest is not null)
        {
            throw new ArgumentException($"The budget's image '{image}' names a registry, tag or digest; name the image as it is built (api, shop/api): every tag of it is the same image.", nameof(image));
        }

        if (limit.Bytes == 0)
        {
            throw new ArgumentOutOfRangeException(nameof(limit), $"The budget of '{image}' is 0 B, which no image fits; give it a size such as 200.MB().");
        }

        return new(image, limit);
    }

    public static ImageSizeBudget Of(ContainerImage image, ByteSize limit)
    {
        ArgumentNullException.ThrowIfNull(image);
        return Of(image.Name, limit);
    }

    public override string ToString() => $"{Image} ≤ {Limit}";
}
