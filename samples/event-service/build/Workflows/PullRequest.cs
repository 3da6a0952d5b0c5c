using Pipeline.GitHubActions;

namespace EventService.Build;

/// <summary>Pull requests into main: the gates side by side, coverage commented on the PR, the image built but not pushed.</summary>
public sealed class PullRequest : Workflow
{
    protected override void Configure(WorkflowSpec workflow) => workflow
        .Name("Event service pull request")
        .FileName("pull-request")
        .OnPullRequest(branches: ["main"])
        .Concurrency(CancelInProgress.ForPullRequests)
        .Timeout(TimeSpan.FromMinutes(15))
        .Job<Format>()
        .Job<Lint>()
        .Job<Test>()
        .Job<Coverage>(j => j.Permissions(Permission.Contents.Read, Permission.PullRequests.Write))
        .Job<BuildImage>();
}
