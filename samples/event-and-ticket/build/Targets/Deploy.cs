using Pipeline;
using Pipeline.Delivery;

namespace EventAndTicket.Build;

/// <summary>The end of the pipeline: both services bumped; says what Argo CD will roll out.</summary>
public sealed class Deploy : Target
{
    protected override void Configure(TargetSpec target) => target
        .Description("Both services bumped in the GitOps repository; Argo CD rolls them out from there")
        .DependsOn<DeployEvents>()
        .DependsOn<DeployTickets>()
        .OnlyWhen(!Condition.OnPullRequest);

    protected override Task RunAsync(TargetContext context)
    {
        var deployed = DeployedEnvironments.In(context.RootDirectory).Last("production");
        context.Log.Info($"Argo CD rolls out {PrepareGitOps.RepositoryOf(context)} ({PrepareGitOps.Branch}); last bumped: {deployed?.Image ?? "nothing"}");
        return Task.CompletedTask;
    }
}
