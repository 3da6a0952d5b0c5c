using Pipeline;
using Pipeline.Components.Scanning;

namespace RustWorkspace.Build;

/// <summary>Trivy over the workspace's Cargo.lock: findings are warnings, and even a failed scan never blocks.</summary>
public sealed class SecurityAudit : ScanTarget
{
    protected override ScanSubject Subject => ScanSubject.Folder(".");

    protected override ScanPolicy Policy => ScanPolicy.WarningOnly;

    protected override void Extend(TargetSpec target) => target.DependsOn<FormatAndLint>().WarningOnly();
}
