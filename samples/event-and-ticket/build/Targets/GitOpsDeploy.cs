using Pipeline;
using Pipeline.Delivery;

namespace EventAndTicket.Build;

/// <summary>
/// The seed's deployment: Argo CD rolls out what the GitOps repository says, so deploying one service is
/// a commit that sets its image tag (the short SHA) in its values file. Never on pull requests.
/// </summary>
public abstract class GitOpsDeploy : DeployStagingTarget
{
    protected abstract Service Service { get; }

    protected override string Application => Service.Binary;

    protected override string EnvironmentName => "production";

    protected override GitOpsSettings? GitOpsFor(TargetContext context) =>
        new(PrepareGitOps.RepositoryOf(context), PrepareGitOps.Branch, PrepareGitOps.ValuesFile(Service));

    /// <summary>Always through the GitOps repository: the cluster is Argo CD's to change.</summary>
    protected override IDeploymentDriver CreateDriver(DeploymentDriverKind kind, TargetContext context) =>
        base.CreateDriver(DeploymentDriverKind.GitOps, context);

    /// <summary>The pushed image under its short-SHA tag, with the digest the push read back.</summary>
    protected override ImageReference ImageToDeploy(TargetContext context)
    {
        ArgumentNullException.ThrowIfNull(context);
        var pushed = PushedImages.At(context.RootDirectory)[Service.Binary];
        var shortSha = pushed.Tags.FirstOrDefault(tag => tag.Length == GitRevision.ShortShaLength
            && pushed.Tags.Any(full => full.Length == 40 && full.StartsWith(tag, StringComparison.Ordinal)))
            ?? throw new DeploymentFailedException($"{pushed} has no short-SHA tag among {string.Join(", ", pushed.Tags)}.");
        return ImageReference.Parse(pushed.Repository) with { Tag = shortSha, Digest = pushed.Digest };
    }

    protected override void Extend(TargetSpec target) => target
        .DependsOn<Push>()
        .DependsOn<PrepareGitOps>()
        .Consumes(PushedImages.Artifact) // the digests Push read back, in CI from its job
        .OnlyWhen(!Condition.OnPullRequest);
}

/// <summary>Bumps the event service in the GitOps repository.</summary>
public sealed class DeployEvents : GitOpsDeploy
{
    protected override Service Service => Service.Events;
}

/// <summary>Bumps the ticket service in the GitOps repository.</summary>
public sealed class DeployTickets : GitOpsDeploy
{
    protected override Service Service => Service.Tickets;
}
