using Pipeline.GitHubActions;

namespace AccountsService.Build;

/// <summary>
/// Pull requests into main or develop: Lint beside Test (PostgreSQL and Redis as services), then the API
/// and executor images built side by side in two jobs, never pushed, and the size check over the images
/// both saved.
/// </summary>
public sealed class PullRequestValidation : Workflow
{
    protected override void Configure(WorkflowSpec workflow) => workflow
        .Name("Accounts service pull request")
        .FileName("pull-request")
        .OnPullRequest(branches: ["main", "develop"])
        .Concurrency(CancelInProgress.ForPullRequests)
        .Timeout(TimeSpan.FromMinutes(15))
        .Job<Lint>()
        .Job<Test>()
        .Job<BuildApi>(j => j.Name("Build API"))
        .Job<BuildExecutor>(j => j.Name("Build Executor"))
        .Job<SizeCheck>(j => j.Name("Size Check"));
}
