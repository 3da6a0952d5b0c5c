using Pipeline.Delivery.ImageSize;

namespace AccountsService.Build;

/// <summary>
/// Each image against its budget: both carry the .NET runtime, the API also ASP.NET Core. A budget
/// leaves room for normal growth; an image that passes it took on something it should not carry.
/// </summary>
public sealed class SizeCheck : ImageSizeCheckTarget<BuildImage>
{
    protected override IEnumerable<ImageSizeBudget> Budgets =>
    [
        ImageSizeBudget.Of(BuildImage.Api, 150.MB()),
        ImageSizeBudget.Of(BuildImage.Executor, 120.MB()),
    ];
}
