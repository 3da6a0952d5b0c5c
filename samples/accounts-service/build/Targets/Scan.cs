using Pipeline;
using Pipeline.Components.Scanning;

namespace AccountsService.Build;

/// <summary>Trivy over the sources and lock files: findings are counted and shown, and never fail the run (the seed's "continue anyway").</summary>
public sealed class Scan : ScanTarget
{
    protected override ScanSubject Subject => ScanSubject.Folder(".");

    protected override ScanPolicy Policy => ScanPolicy.WarningOnly;

    protected override void Extend(TargetSpec target) => target.After<Smoke>();
}
