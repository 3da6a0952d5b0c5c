namespace Pipeline.Delivery.ImageSize;

/// <summary>One built image's size as the engine reported it, next to its budget (null when it has none).</summary>
/// <param name="Image">The image's name, with the platform for one platform of a multi-platform image (<c>api (linux/arm64)</c>).</param>
/// <param name="Reference">The local reference it was measured by (<c>api:abc1234</c>).</param>
public sealed record ImageSizeMeasurement(string Image, string Reference, ByteSize Size, ByteSize? Limit)
{
    public bool IsOverBudget => Limit is { } limit && Size > limit;

    /// <summary>How much of the budget the image uses, in percent; null without a budget.</summary>
    public double? PercentOfBudget => Limit is { } limit ? 100.0 * Size.Bytes / limit.Bytes : null;
}
