using Pipeline.Components.Scanning;

namespace Pipeline.Components.Tests.Scanning;

/// <summary>The policy a test picks for the scans below.</summary>
public sealed record ScanSettings(ScanPolicy Policy, Severity Threshold = Severity.High);

/// <summary>A scan of the events service's folder, with the test's policy and threshold.</summary>
public sealed class Scan(ScanSettings settings) : ScanTarget
{
    protected override ScanSubject Subject => ScanSubject.Folder("services/events");

    protected override Severity Threshold => settings.Threshold;

    protected override ScanPolicy PolicyFor(TargetContext context) => settings.Policy;
}

/// <summary>A scan of an image, never blocking.</summary>
public sealed class ScanImage : ScanTarget
{
    public static readonly Output<VulnerabilityCounts> ImageVulnerabilities = new("Vulnerabilities of the image");

    protected override ScanSubject Subject => ScanSubject.Image("127.0.0.1:5000/events:abc1234");

    protected override ScanPolicy Policy => ScanPolicy.WarningOnly;

    protected override Output<VulnerabilityCounts> Counts => ImageVulnerabilities;
}

/// <summary>A scan of an image that also writes its SBOM.</summary>
public sealed class ScanImageWithSbom : ScanTarget
{
    protected override ScanSubject Subject => ScanSubject.Image("127.0.0.1:5000/events:abc1234");

    protected override bool WritesSbom => true;

    protected override Output<VulnerabilityCounts> Counts => ScanImage.ImageVulnerabilities;
}

/// <summary>The archive a build saved, known only when the scan runs (as a CI job that did not build the image knows it).</summary>
public sealed record SavedImage(string Archive);

/// <summary>A scan of the image a build saved: declared by name, scanned from the archive at run time.</summary>
public sealed class ScanSavedImage(SavedImage saved) : ScanTarget
{
    protected override ScanSubject Subject => ScanSubject.Image("events");

    protected override ScanSubject SubjectFor(TargetContext context) => ScanSubject.ImageArchive(saved.Archive);

    protected override bool WritesSbom => true;

    protected override Output<VulnerabilityCounts> Counts => ScanImage.ImageVulnerabilities;
}

/// <summary>Reads the scan's counts, as a report or a gate would.</summary>
public sealed class SecurityReport : Target
{
    protected override void Configure(TargetSpec target) => target.DependsOn<Scan>().Consumes(ScanOutputs.Vulnerabilities);

    protected override Task RunAsync(TargetContext context)
    {
        var counts = context.Get(ScanOutputs.Vulnerabilities);
        context.Log.Info($"report: {counts.Critical} critical, {counts.High} high, {counts.Total} in all");
        return Task.CompletedTask;
    }
}

/// <summary>Something that would run before the scan, to show the preflight stops the run first.</summary>
public sealed class Prepare : Target
{
    protected override void Configure(TargetSpec target) => target.DependentFor<Scan>();

    protected override Task RunAsync(TargetContext context)
    {
        File.WriteAllText(context.RootDirectory / "prepared", "");
        return Task.CompletedTask;
    }
}
