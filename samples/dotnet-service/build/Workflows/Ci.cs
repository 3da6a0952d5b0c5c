using Pipeline.GitHubActions;

namespace DotNetService.Build;

/// <summary>Pushes and pull requests to main: the tests, with PostgreSQL as the job's service.</summary>
public sealed class Ci : Workflow
{
    protected override void Configure(WorkflowSpec workflow) => workflow
        .Name("Ticket service CI")
        .FileName("ci")
        .OnPush(branches: ["main"])
        .OnPullRequest(branches: ["main"])
        .Concurrency(CancelInProgress.ForPullRequests)
        .Job<Test>(j => j.Timeout(TimeSpan.FromMinutes(20)));
}
