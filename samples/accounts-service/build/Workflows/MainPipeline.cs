using Pipeline.GitHubActions;

namespace AccountsService.Build;

/// <summary>
/// Pushes to main or develop: Lint beside the tests, the API and executor images built side by side in
/// two jobs, then pushed to GHCR beside the size check, deployed with their stores to a throwaway
/// environment on the runner and smoke-tested there in one job (the containers live on that runner),
/// then a Trivy scan that only warns.
/// </summary>
public sealed class MainPipeline : Workflow
{
    protected override void Configure(WorkflowSpec workflow) => workflow
        .Name("Accounts service main")
        .FileName("main")
        .OnPush(branches: ["main", "develop"])
        .OnWorkflowDispatch()
        .Concurrency(CancelInProgress.Never)
        .Timeout(TimeSpan.FromMinutes(20))
        .Job<Lint>()
        .Job<Test>()
        .Job<BuildApi>(j => j.Name("Build API"))
        .Job<BuildExecutor>(j => j.Name("Build Executor"))
        .Job<SizeCheck>(j => j.Name("Size Check"))
        .Job<Push>(j => j.Permissions(Permission.Contents.Read, Permission.Packages.Write))
        .Job<Smoke>()
        .Job<Scan>();
}
