using Pipeline.Delivery;
using Pipeline.GitHubActions;

namespace RustWorkspace.Build;

/// <summary>
/// The seed's one workflow: pull requests run the gate, the tests (twelve services, six at a time),
/// the coverage gate, the warning-only audit and the release build; pushes to main also build the
/// images, push them to ECR (once coverage passed), deploy to the staging cluster and smoke-test it. The quality report and the notification always run.
/// </summary>
public sealed class Ci : Workflow
{
    protected override void Configure(WorkflowSpec workflow) => workflow
        .Name("CI")
        .FileName("ci")
        .OnPullRequest(branches: ["main"], paths: ["services/**", "crates/**", "Cargo.toml", "Cargo.lock"])
        .OnPush(branches: ["main"])
        .Concurrency(CancelInProgress.ForPullRequests)
        .Env("DEPLOY_DRIVER", nameof(DeploymentDriverKind.Kubernetes))
        .Timeout(TimeSpan.FromMinutes(30))
        .Job<FormatAndLint>()
        .Job<TestServices>()
        .Job<IntegrationTests>()
        .Job<Coverage>(j => j.Permissions(Permission.Contents.Read, Permission.PullRequests.Write)) // its table as a pull request comment
        .Job<SecurityAudit>()
        .Job<BuildRelease>()
        .Job<BuildImages>()
        .Job<Push>()
        .Job<DeployStaging>(j => j.Environment("staging").Permissions(Permission.Contents.Read, Permission.Deployments.Write))
        .Job<Smoke>()
        .Job<QualityReport>()
        .Job<Notify>();
}
