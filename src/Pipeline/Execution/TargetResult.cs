using Pipeline.Planning;

namespace Pipeline.Execution;

internal enum TargetStatus
{
    Succeeded,
    Failed,
    Skipped,

    /// <summary>Stopped by Ctrl+C or SIGTERM while it ran.</summary>
    Canceled,

    /// <summary>Not run: its inputs match its last success and its outputs are there. Counts as a success.</summary>
    UpToDate,
}

/// <param name="Reason">Why it was skipped or how it failed, one line.</param>
/// <param name="FailedRoot">For a target skipped because of a failure: the target that failed first.</param>
internal sealed record TargetResult(
    string Name,
    TargetStatus Status,
    TimeSpan Duration,
    string? Reason = null,
    Exception? Error = null,
    int Attempts = 0,
    string? FailedRoot = null,
    bool ProceedAfterFailure = false,
    bool WarningOnly = false)
{
    /// <summary>When it started, from the start of the run; null for a target that never started (skipped before it could).</summary>
    public TimeSpan? StartedAt { get; init; }

    /// <summary>A matrix target's cells, each with its own time, so the report draws one bar per cell; empty otherwise.</summary>
    public IReadOnlyList<CellTiming> Cells { get; init; } = [];

    /// <summary>
    /// What a log shows about a failure: an expected one (any <see cref="PipelineException"/>) as
    /// the error chooses, usually its message; anything else is a bug in the target's code, shown
    /// with its stack trace.
    /// </summary>
    public string? Detail => Error switch
    {
        PipelineException expected => expected.Shown,
        { } unexpected => unexpected.ToString(),
        null => Reason,
    };

    /// <summary>A failure of a warning-only target: reported, but the run still succeeds.</summary>
    public bool IsWarning => Status == TargetStatus.Failed && WarningOnly;

    /// <summary>Whether targets that depend on this one must be skipped.</summary>
    internal bool BlocksDependents => Status switch
    {
        TargetStatus.Failed => !ProceedAfterFailure && !WarningOnly,
        TargetStatus.Canceled => true,
        TargetStatus.Skipped => FailedRoot is not null,
        _ => false,
    };
}

/// <summary>One matrix cell's run inside its target: when it started after the target did (waiting for a free slot shows as a gap), and how long.</summary>
internal sealed record CellTiming(string Cell, TargetStatus Status, TimeSpan Offset, TimeSpan Duration);

/// <summary>The outcome of a whole run, targets in plan order.</summary>
internal sealed record RunReport(Plan Plan, IReadOnlyList<TargetResult> Results, TimeSpan Duration, bool Canceled)
{
    public bool Succeeded => !Canceled && Results.All(r => r.Status is TargetStatus.Succeeded or TargetStatus.UpToDate or TargetStatus.Skipped || r.IsWarning);

    public TargetResult this[string name] => Results.First(r => r.Name == name);

    public int ExitCode => Canceled ? ExitCodes.Canceled : Succeeded ? ExitCodes.Success : ExitCodes.TargetFailed;
}
