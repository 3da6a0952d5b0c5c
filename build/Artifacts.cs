using Pipeline;

namespace Build;

/// <summary>The files this pipeline's targets hand to each other (and CI moves between jobs).</summary>
public static class Artifacts
{
    public static readonly Artifact Packages = Artifact.Of("packages", "artifacts/packages");
}
