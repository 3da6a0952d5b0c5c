namespace Pipeline;

/// <summary>What started a run. In GitHub Actions it is the workflow's event; on a laptop it is <see cref="Local"/>.</summary>
public enum RunEvent
{
    Local,
    Push,
    PullRequest,
    Schedule,
    WorkflowDispatch,
    PullRequestTarget,
    MergeGroup,
    WorkflowRun,
    WorkflowCall,
    Release,
    RepositoryDispatch,
}

/// <summary>The spelling GitHub uses for each event (<c>github.event_name</c>, <c>GITHUB_EVENT_NAME</c>).</summary>
public static class RunEventNames
{
    public static string Of(RunEvent runEvent) => runEvent switch
    {
        RunEvent.Local => "local",
        RunEvent.Push => "push",
        RunEvent.PullRequest => "pull_request",
        RunEvent.Schedule => "schedule",
        RunEvent.WorkflowDispatch => "workflow_dispatch",
        RunEvent.PullRequestTarget => "pull_request_target",
        RunEvent.MergeGroup => "merge_group",
        RunEvent.WorkflowRun => "workflow_run",
        RunEvent.WorkflowCall => "workflow_call",
        RunEvent.Release => "release",
        RunEvent.RepositoryDispatch => "repository_dispatch",
        _ => throw new ArgumentOutOfRangeException(nameof(runEvent), runEvent, null),
    };
}
