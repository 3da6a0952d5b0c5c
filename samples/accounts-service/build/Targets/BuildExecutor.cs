using Pipeline;
using Pipeline.Delivery;

namespace AccountsService.Build;

/// <summary>
/// The executor image from what Publish laid out in out/executor/, on an empty base, tagged from the
/// commit; built on pull requests too, never pushed there. Beside <see cref="BuildApi"/>, locally and in CI.
/// </summary>
public sealed class BuildExecutor : BuildImagesTarget
{
    /// <summary>Its build context is only its own laid-out files.</summary>
    public static readonly ContainerImage Image = new("accounts-executor", "Executor.Dockerfile", Publish.ExecutorLayout);

    protected override IEnumerable<ContainerImage> Images => [Image];

    protected override void Extend(TargetSpec target) => target
        .Description("Builds the executor image, tagged from the commit")
        .DependsOn<Lint>()
        .DependsOn<Test>()
        .DependsOn<Publish>();
}
