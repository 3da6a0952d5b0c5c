namespace Pipeline;

/// <summary>
/// How the run stands when a target starts: each target that has finished, in plan order, and the time
/// since the run began. What a notification or a report that runs last (<c>AssuredAfterFailure</c>) tells.
/// In CI, a target that reports on the run (<see cref="TargetSpec.ReportsOnRun"/>) also sees the targets
/// the other jobs ran, each with the outcome its job recorded for it (<see cref="FinishedTarget.InOtherJob"/>).
/// </summary>
public sealed record RunSoFar(IReadOnlyList<FinishedTarget> Targets, TimeSpan Elapsed)
{
    public static RunSoFar Empty { get; } = new([], TimeSpan.Zero);

    /// <summary>The targets that failed or were canceled (a warning-only failure is not among them).</summary>
    public IEnumerable<FinishedTarget> Failed => Targets.Where(t => t.Outcome is TargetOutcome.Failed or TargetOutcome.Canceled);

    /// <summary>Whether the run, as it stands, ends as failed.</summary>
    public bool HasFailed => Failed.Any();
}

/// <summary>One target that has finished: how, in how long, and why when it failed or was skipped.</summary>
public sealed record FinishedTarget(string Name, TargetOutcome Outcome, TimeSpan Duration, string? Reason)
{
    /// <summary>
    /// Another CI job of the workflow ran it (<see cref="TargetSpec.ReportsOnRun"/>): its outcome and
    /// <see cref="Duration"/> are what that job recorded for it; when the job stopped before recording
    /// any (or is a matrix), its outcome is the job's result and its duration zero.
    /// </summary>
    public bool InOtherJob { get; init; }
}

/// <summary>How a target ended, as a run's summary shows it.</summary>
public enum TargetOutcome
{
    Succeeded,

    /// <summary>Its inputs had not changed: it did not run, and counts as a success.</summary>
    UpToDate,

    /// <summary>A warning-only target failed: reported, the run still succeeds.</summary>
    Warning,
    Failed,
    Skipped,
    Canceled,
}
