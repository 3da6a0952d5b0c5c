namespace Pipeline;

/// <summary>What started a run. In GitHub Actions it is the workflow's event; on a laptop it is <see cref="Local"/>.</summary>
public enum RunEvent
{
    Local,
    Push,
    PullRequest,
    Schedule,
    WorkflowDispatch,
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
        _ => throw new ArgumentOutOfRangeException(nameof(runEvent), runEvent, null),
    };
}
