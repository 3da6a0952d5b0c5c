using Pipeline.GitHubActions;

namespace AccountsService.Build;

/// <summary>
/// Pull requests into main or develop: Lint beside Test (PostgreSQL and Redis as services), then the API
/// and executor images built, never pushed, and the size check over the images that build saved.
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
        .Job<BuildImage>(j => j.Name("Build API and Executor"))
        .Job<SizeCheck>(j => j.Name("Size Check"));
}
