using Pipeline;

namespace Build;

/// <summary>The files this pipeline's targets hand to each other (and CI moves between jobs).</summary>
public static class Artifacts
{
    public static readonly Artifact TestResults = Artifact.Of("test-results", "artifacts/test-results") with { EvenOnFailure = true, RetentionDays = 14 };

    public static readonly Artifact Packages = Artifact.Of("packages", "artifacts/packages");
}
