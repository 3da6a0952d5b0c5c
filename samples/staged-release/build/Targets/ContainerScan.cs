using Pipeline;
using Pipeline.Components.Scanning;
using Pipeline.Delivery;

namespace StagedRelease.Build;

/// <summary>
/// The seed's container security stage: Trivy over the image BuildImage made, 0 critical findings or
/// the release stops, and its CycloneDX SBOM (components counted, uploaded in CI). Locally the engine
/// holds the image; a CI job has its own engine, so there it scans the archive the build saved.
/// </summary>
public sealed class ContainerScan : ScanTarget
{
    /// <summary>The image's counts, apart from the repository scan's.</summary>
    public static readonly Output<VulnerabilityCounts> ImageVulnerabilities = new("Vulnerabilities found in the image per severity");

    protected override ScanSubject Subject => ScanSubject.Image("release-service");

    protected override Severity Threshold => Severity.Critical;

    protected override bool WritesSbom => true;

    protected override Output<VulnerabilityCounts> Counts => ImageVulnerabilities;

    protected override ScanSubject SubjectFor(TargetContext context)
    {
        var image = BuiltImages.At(context.RootDirectory)["release-service"];
        return image.Archive is { } archive ? ScanSubject.ImageArchive(archive) : ScanSubject.Image(image.References.First().ToString());
    }

    protected override void Extend(TargetSpec target) => target
        .DependsOn<BuildImage>()
        .Consumes(BuildImagesTarget.ImagesArtifact); // in CI, the saved image from the build's job
}
