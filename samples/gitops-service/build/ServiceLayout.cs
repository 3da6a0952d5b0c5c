using Pipeline;

namespace GitOpsService.Build;

/// <summary>Where things are in the sample, and the Go tool set up for a static build.</summary>
public sealed class ServiceLayout(PipelineEnvironment environment)
{
    /// <summary>The image's name, the application's name in the devops repository, and its folder there.</summary>
    public const string Application = "gitops-service";

    public AbsolutePath Root => environment.RootDirectory;

    /// <summary>The static binary the image copies (see Dockerfile).</summary>
    public AbsolutePath Binary => Root / "out" / Application;

    public static Tool Go { get; } = new("go");
}
