using Pipeline;
using Pipeline.Components.Scanning;

namespace GitOpsService.Build;

/// <summary>
/// Trivy over the module: critical findings are warnings for development and stop the delivery for
/// production (the seed's TRIVY_ECODE), chosen by <c>--deploy-environment</c>.
/// </summary>
public sealed class Scan : ScanTarget
{
    protected override ScanSubject Subject => ScanSubject.Folder(".");

    protected override Severity Threshold => Severity.Critical;

    protected override ScanPolicy PolicyFor(TargetContext context) =>
        context.Get(GitOpsParameters.DeployEnvironment) == DeliveryEnvironment.Production ? ScanPolicy.Blocking : ScanPolicy.WarningOnly;

    protected override void Extend(TargetSpec target) => target
        .Description("Scans the module with Trivy: CRITICAL findings warn for Development and fail for Production")
        .Reads(GitOpsParameters.DeployEnvironment);
}
