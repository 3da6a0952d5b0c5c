namespace Pipeline.Components.Scanning;

/// <summary>Where a scan's reports go, per scan target, relative to the repository root.</summary>
internal static class ScanFiles
{
    public const string Directory = "artifacts/scan";

    /// <summary>Trivy's JSON report, which the target reads.</summary>
    public static string Json(string target) => $"{Directory}/{target}.json";

    /// <summary>The same findings as SARIF, written under GitHub Actions for code scanning.</summary>
    public static string Sarif(string target) => $"{Directory}/{target}.sarif";

    /// <summary>The software bill of materials of what was scanned, in CycloneDX JSON (<see cref="ScanTarget.WritesSbom"/>).</summary>
    public static string Sbom(string target) => $"{Directory}/{target}.cdx.json";

    /// <summary>The SBOM as a CI artifact, named after its scan (<c>container-scan-sbom</c>), so two scans in one pipeline keep theirs apart.</summary>
    public static Artifact SbomArtifact(string target) => Artifact.Of($"{KebabCase(target)}-sbom", Sbom(target));

    private static string KebabCase(string name) =>
        string.Concat(name.Select((c, i) => char.IsAsciiLetterUpper(c) && i > 0 && !char.IsAsciiLetterUpper(name[i - 1]) ? "-" + c : c.ToString()))
            .ToLowerInvariant();
}
