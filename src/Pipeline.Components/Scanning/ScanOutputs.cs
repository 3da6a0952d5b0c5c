namespace Pipeline.Components.Scanning;

/// <summary>What a scan hands to the targets after it (a report, a notification).</summary>
public static class ScanOutputs
{
    /// <summary>The default output of a <see cref="ScanTarget"/>; a second scan in a pipeline names its own (<see cref="ScanTarget.Counts"/>).</summary>
    public static readonly Output<VulnerabilityCounts> Vulnerabilities = new("Vulnerabilities found per severity");
}
