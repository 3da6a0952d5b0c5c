using Pipeline;
using Pipeline.Delivery.ImageSize;

namespace AccountsService.Build;

/// <summary>
/// Each image against its budget: both carry the .NET runtime, the API also ASP.NET Core. A budget
/// leaves room for normal growth; an image that passes it took on something it should not carry.
/// </summary>
public sealed class SizeCheck : ImageSizeCheckTarget<BuildApi>
{
    protected override IEnumerable<ImageSizeBudget> Budgets =>
    [
        ImageSizeBudget.Of(BuildApi.Image, 150.MB()),
        ImageSizeBudget.Of(BuildExecutor.Image, 120.MB()),
    ];

    protected override void Extend(TargetSpec target) => target.DependsOn<BuildExecutor>(); // both builds' images, in CI from both jobs
}
