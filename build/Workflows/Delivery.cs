using Pipeline.GitHubActions;

namespace Build;

/// <summary>Main and v* tags: the same checks, then Pack; on a tag, Publish behind the release environment.</summary>
public sealed class Delivery : Workflow
{
    protected override void Configure(WorkflowSpec workflow) => workflow
        .Name("Delivery")
        .OnPush(branches: ["main"], tags: ["v*"])
        .Concurrency(CancelInProgress.Never) // a delivery in progress is never cut short
        .Env("DOTNET_NOLOGO", "1")
        .Timeout(TimeSpan.FromMinutes(20))
        .Job<Format>(j => j.Timeout(TimeSpan.FromMinutes(10)))
        .Job<Lint>()
        .Job<RunTests>()
        .Job<Pack>()
        .Job<Publish>(j => j.Environment("release").Timeout(TimeSpan.FromMinutes(10)));
}
