using Pipeline;
using Pipeline.Delivery;

namespace AccountsService.Build;

/// <summary>
/// The API and executor images from what Publish laid out in out/, on an empty base, tagged from the
/// commit; built on pull requests too, never pushed there.
/// </summary>
public sealed class BuildImage : BuildImagesTarget
{
    /// <summary>The API: the Dockerfile at the root, over out/image/ (the .dockerignore sends nothing else).</summary>
    public static readonly ContainerImage Api = new("accounts-service");

    /// <summary>The executor: its build context is only its own laid-out files.</summary>
    public static readonly ContainerImage Executor = new("accounts-executor", "Executor.Dockerfile", Publish.ExecutorLayout);

    protected override IEnumerable<ContainerImage> Images => [Api, Executor];

    protected override void Extend(TargetSpec target) => target
        .Description("Builds the API and executor images, tagged from the commit")
        .DependsOn<Lint>()
        .DependsOn<Test>()
        .DependsOn<Publish>();
}
