namespace Pipeline.Components.Scanning;

/// <summary>Trivy as a program: where to get it, how CI installs it, how its SARIF reaches code scanning.</summary>
internal static class Trivy
{
    /// <summary>The version CI installs; a local run uses whatever is on <c>PATH</c>.</summary>
    public const string Version = "v0.61.0";

    public static RequiredTool Tool { get; } = new(
        "trivy",
        "install Trivy: https://trivy.dev/latest/getting-started/installation/ (macOS: brew install trivy; Debian/Ubuntu: Aqua's apt repository, see that page)");

    /// <summary>Installs Trivy in the CI job before <c>./build.sh</c>, so the tool preflight finds it there too.</summary>
    public static CiStep Setup { get; } = CiStep.Action("Install Trivy", "aquasecurity/setup-trivy", ("version", Version), ("cache", "true"));

    /// <summary>
    /// Hands the SARIF file to GitHub code scanning, also when the scan blocked (that is when it is read),
    /// but only when the scan got as far as writing it. Its job alone gets <c>security-events: write</c>.
    /// </summary>
    public static CiStep UploadSarif(string sarifFile, string category) =>
        CiStep.Action("Upload the scan to code scanning", "github/codeql-action/upload-sarif", ("sarif_file", sarifFile), ("category", category)) with
        {
            Placement = CiStepPlacement.AfterBuild,
            If = $"always() && hashFiles('{sarifFile}') != ''",
            Permissions = [CiTokenGrant.SecurityEventsWrite],
        };
}
