using Pipeline.GitHubActions;

namespace StagedRelease.Build;

/// <summary>The security scan alone, every day at 02:00 UTC and by hand: findings published after a release are seen too.</summary>
public sealed class DailySecurityScan : Workflow
{
    protected override void Configure(WorkflowSpec workflow) => workflow
        .Name("Daily security scan")
        .FileName("daily-security-scan")
        .OnSchedule("0 2 * * *")
        .OnWorkflowDispatch()
        .Job<SecurityScan>();
}
