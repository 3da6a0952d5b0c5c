using Pipeline;
using Pipeline.Delivery;

namespace AccountsService.Build;

/// <summary>
/// The API image from what Publish laid out in out/image/, on an empty base, tagged from the commit;
/// built on pull requests too, never pushed there. Beside <see cref="BuildExecutor"/>, locally and in CI.
/// </summary>
public sealed class BuildApi : BuildImagesTarget
{
    /// <summary>The Dockerfile at the root, over out/image/ (the .dockerignore sends nothing else).</summary>
    public static readonly ContainerImage Image = new("accounts-service");

    protected override IEnumerable<ContainerImage> Images => [Image];

    protected override void Extend(TargetSpec target) => target
        .Description("Builds the API image, tagged from the commit")
        .DependsOn<Lint>()
        .DependsOn<Test>()
        .DependsOn<Publish>();
}
