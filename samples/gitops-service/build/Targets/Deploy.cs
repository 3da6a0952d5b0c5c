using Pipeline;
using Pipeline.Delivery;

namespace GitOpsService.Build;

/// <summary>
/// The seed's deployment: no cluster access, only a commit. It sets <c>image.tag</c> in the service's
/// Helm values in the devops repository to the commit's 8-character tag (one line changes; comments
/// stay), commits and pushes; ArgoCD syncs the cluster from there. The same image twice commits nothing.
/// </summary>
public sealed class Deploy : DeployStagingTarget
{
    private GitOpsSettings? _gitOps;

    protected override string Application => ServiceLayout.Application;

    protected override string EnvironmentName => "production";

    protected override GitOpsSettings? GitOps => _gitOps;

    /// <summary>The pushed repository with the commit's short tag: a Helm values file pins a tag, not a digest.</summary>
    protected override ImageReference ImageToDeploy(TargetContext context)
    {
        ArgumentNullException.ThrowIfNull(context);
        var pushed = PushedImages.At(context.RootDirectory)[ServiceLayout.Application];
        return ImageReference.Parse(pushed.Repository) with { Tag = pushed.Tags.MinBy(t => t.Length) };
    }

    /// <summary>Only through the devops repository, whatever <c>--deploy-driver</c> says: that is how this service ships.</summary>
    protected override IDeploymentDriver CreateDriver(DeploymentDriverKind kind, TargetContext context) =>
        base.CreateDriver(DeploymentDriverKind.GitOps, context);

    protected override async Task RunAsync(TargetContext context)
    {
        ArgumentNullException.ThrowIfNull(context);
        _gitOps = new GitOpsSettings(await DevopsRepository.ResolveAsync(context), DevopsRepository.Branch, DevopsRepository.ValuesFile);
        await base.RunAsync(context);
    }

    protected override void Extend(TargetSpec target) => target
        .DependsOn<Push>()
        .DependsOn<SetUpDatabase>()
        .DependsOn<SetUpSecrets>()
        .Consumes(PushedImages.Artifact)
        .Reads(GitOpsParameters.GitopsRepository);
}
