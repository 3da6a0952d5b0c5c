using Pipeline;

namespace StagedRelease.Build;

/// <summary>Where things are in the sample, and the Go tool set up for a static build.</summary>
public sealed class ServiceLayout(PipelineEnvironment environment)
{
    public AbsolutePath Root => environment.RootDirectory;

    /// <summary>The static binary the image copies (see Dockerfile).</summary>
    public AbsolutePath Binary => Root / "out" / "release-service";

    public static Tool Go { get; } = new("go");
}
