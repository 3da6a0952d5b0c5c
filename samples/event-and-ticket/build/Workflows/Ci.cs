using Pipeline.GitHubActions;

namespace EventAndTicket.Build;

/// <summary>
/// The seed's workflow: Test (with PostgreSQL and the coverage gate) ‖ Lint, then both images built (and on
/// main pushed to GHCR with latest and the commit's tags), then both bumped in the GitOps repository.
/// </summary>
public sealed class Ci : Workflow
{
    protected override void Configure(WorkflowSpec workflow) => workflow
        .Name("Event and ticket services")
        .FileName("ci")
        .OnPush(branches: ["main"])
        .OnPullRequest(branches: ["main"])
        .Concurrency()
        .Job<Coverage>(j => j.Name("Test").Timeout(TimeSpan.FromMinutes(15)))
        .Job<Lint>(j => j.Timeout(TimeSpan.FromMinutes(10)))
        .Job<Push>(j => j.Name("Build").Permissions(Permission.Contents.Read, Permission.Packages.Write).Timeout(TimeSpan.FromMinutes(20)))
        .Job<Deploy>(j => j.Name("GitOps").Environment("production").Permissions(Permission.Contents.Read, Permission.Deployments.Write).Timeout(TimeSpan.FromMinutes(10)));
}
