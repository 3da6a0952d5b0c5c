using Pipeline.GitHubActions;

namespace GitOpsService.Build;

/// <summary>
/// The seed's Actions pipeline: on a push to main, one job runs the same <c>./build.sh</c> as a laptop,
/// for production (critical findings block), with the registry, database and devops credentials as secrets.
/// </summary>
public sealed class Deliver : Workflow
{
    protected override void Configure(WorkflowSpec workflow) => workflow
        .Name("GitOps service delivery")
        .FileName("deliver")
        .OnPush(branches: ["main"])
        .Concurrency(CancelInProgress.Never)
        .Env("DEPLOY_ENVIRONMENT", nameof(DeliveryEnvironment.Production))
        .Timeout(TimeSpan.FromMinutes(20))
        .Job<Deploy>(j => j.Environment("production").Permissions(Permission.Contents.Read, Permission.Deployments.Write)); // the deployment recorded on GitHub
}
