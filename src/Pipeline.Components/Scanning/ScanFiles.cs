namespace Pipeline.Components.Scanning;

/// <summary>Where a scan's reports go, per scan target, relative to the repository root.</summary>
internal static class ScanFiles
{
    public const string Directory = "artifacts/scan";

    /// <summary>Trivy's JSON report, which the target reads.</summary>
    public static string Json(string target) => $"{Directory}/{target}.json";

    /// <summary>The same findings as SARIF, written under GitHub Actions for code scanning.</summary>
    public static string Sarif(string target) => $"{Directory}/{target}.sarif";
}
