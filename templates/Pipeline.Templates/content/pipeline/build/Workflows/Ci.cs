using Pipeline.GitHubActions;

namespace Build;

/// <summary>Pull requests and pushes to main: each target below is a job; <c>needs</c> follow from the targets' relations.</summary>
public sealed class Ci : Workflow
{
    protected override void Configure(WorkflowSpec workflow) => workflow
        .Name("CI")
        .FileName("ci")
        .OnPullRequest(branches: ["main"])
        .OnPush(branches: ["main"])
        .Concurrency(CancelInProgress.ForPullRequests)
        .Timeout(TimeSpan.FromMinutes(20))
#if (isNone)
        .Job<Check>();
#elif (hasCoverage)
        .Job<Format>()
        .Job<Lint>()
        .Job<Test>()
        .Job<Coverage>(j => j.Permissions(Permission.Contents.Read, Permission.PullRequests.Write));
#else
        .Job<Format>()
        .Job<Lint>()
        .Job<Test>();
#endif
}
