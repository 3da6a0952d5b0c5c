using Pipeline.GitHubActions;

namespace StagedRelease.Build;

/// <summary>Pull requests to main: the gates and the image, nothing pushed or deployed.</summary>
public sealed class PullRequest : Workflow
{
    protected override void Configure(WorkflowSpec workflow) => workflow
        .Name("Pull request")
        .FileName("pull-request")
        .OnPullRequest(branches: ["main"])
        .Concurrency()
        .Timeout(TimeSpan.FromMinutes(20))
        .Job<Format>()
        .Job<Lint>()
        .Job<Test>()
        .Job<IntegrationTests>()
        .Job<Coverage>()
        .Job<SecurityScan>()
        .Job<BuildImage>()
        .Job<ContainerScan>();
}
