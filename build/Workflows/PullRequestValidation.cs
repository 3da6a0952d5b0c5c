using Pipeline.GitHubActions;

namespace Build;

/// <summary>Every pull request into main: Format ‖ Lint ‖ RunTests, then the generated-files check and Pack.</summary>
public sealed class PullRequestValidation : Workflow
{
    protected override void Configure(WorkflowSpec workflow) => workflow
        .Name("Pull request validation")
        .FileName("pull-request")
        .OnPullRequest(branches: ["main"])
        .Concurrency(CancelInProgress.ForPullRequests)
        .Env("DOTNET_NOLOGO", "1")
        .Timeout(TimeSpan.FromMinutes(20))
        .Job<Format>(j => j.Timeout(TimeSpan.FromMinutes(10)))
        .Job<Lint>()
        .Job<RunTests>()
        .Job<Pack>();
}
