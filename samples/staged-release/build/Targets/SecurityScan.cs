using Pipeline.Components.Scanning;

namespace StagedRelease.Build;

/// <summary>
/// The security gate: Trivy over the repository, 0 critical findings or the release stops. The daily
/// workflow runs it alone on a schedule, so a vulnerability published after a release is seen too.
/// </summary>
public sealed class SecurityScan : ScanTarget
{
    protected override ScanSubject Subject => ScanSubject.Folder(".");

    protected override Severity Threshold => Severity.Critical;
}
