using Pipeline.GitHubActions;

namespace RustWorkspace.Build;

/// <summary>Pull requests and pushes to main: Format ‖ Lint, then the Test matrix.</summary>
public sealed class Ci : Workflow
{
    protected override void Configure(WorkflowSpec workflow) => workflow
        .Name("CI")
        .FileName("ci")
        .OnPullRequest(branches: ["main"])
        .OnPush(branches: ["main"])
        .Concurrency(CancelInProgress.ForPullRequests)
        .Timeout(TimeSpan.FromMinutes(20))
        .Job<Format>()
        .Job<Lint>()
        .Job<Test>();
}
