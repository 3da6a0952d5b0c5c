using System.Collections.Concurrent;
using Pipeline.Planning;

namespace Pipeline.Execution;

/// <summary>
/// Runs a plan: one task per target, each awaiting the targets it must follow, throttled to
/// <c>maxParallel</c> at once. Serial is just a throttle of 1. A failure skips its dependents and
/// nothing else; cancellation stops what runs and starts nothing new.
/// </summary>
internal sealed class Scheduler(TargetExecutor executor, IRunOutput output, TimeProvider? clock = null)
{
    // How each target ended, for conditions that read another target's result (needs.<job>.result).
    private readonly ConcurrentDictionary<string, TargetResult> _finished = new(StringComparer.Ordinal);

    /// <summary>
    /// Called with the finished run just before the summary table, so the table still ends the output:
    /// where the host writes the run's HTML report and says where it is.
    /// </summary>
    public Action<RunReport>? Ending { get; init; }

    /// <summary>The targets other CI jobs ran, with their job's result (<see cref="OtherJobResults"/>): part of the run so far.</summary>
    public IReadOnlyList<FinishedTarget> OtherJobs { get; init; } = [];

    public async Task<RunReport> RunAsync(Plan plan, int maxParallel, CancellationToken cancellation)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(maxParallel, 1);
        var time = clock ?? TimeProvider.System;
        var started = time.GetTimestamp();
        using var throttle = new SemaphoreSlim(maxParallel);
        var tasks = new Dictionary<string, Task<TargetResult>>(plan.Targets.Count, StringComparer.Ordinal);

        executor.SelectJobCell(plan);
        executor.RunSoFar = () => SoFar(plan, time.GetElapsedTime(started));
        output.RunStarting(plan, maxParallel);

        // The plan is in topological order, so every task a target awaits already exists.
        foreach (var target in plan.Targets)
        {
            var before = target.Follows.Select(name => tasks[name]).ToArray();
            tasks[target.Name] = RunOneAsync(plan, target, before, throttle, () => time.GetElapsedTime(started), cancellation);
        }

        var results = await Task.WhenAll(tasks.Values).ConfigureAwait(false);
        var report = new RunReport(plan, results, time.GetElapsedTime(started), cancellation.IsCancellationRequested);
        Ending?.Invoke(report);
        output.RunFinished(report);
        return report;
    }

    private async Task<TargetResult> RunOneAsync(
        Plan plan, PlannedTarget target, Task<TargetResult>[] before, SemaphoreSlim throttle, Func<TimeSpan> sinceStart, CancellationToken cancellation)
    {
        var result = await StartOrSkipAsync(plan, target, before, throttle, sinceStart, cancellation).ConfigureAwait(false);
        _finished[target.Name] = result;
        return result;
    }

    private async Task<TargetResult> StartOrSkipAsync(
        Plan plan, PlannedTarget target, Task<TargetResult>[] before, SemaphoreSlim throttle, Func<TimeSpan> sinceStart, CancellationToken cancellation)
    {
        var results = await Task.WhenAll(before).ConfigureAwait(false);

        var result = WhyNotRun(target, results, plan.Facts, cancellation);
        if (result is not null)
        {
            output.TargetFinished(result);
            return result;
        }

        try
        {
            await throttle.WaitAsync(cancellation).ConfigureAwait(false);
        }
        catch (OperationCanceledException)
        {
            result = new TargetResult(target.Name, TargetStatus.Skipped, TimeSpan.Zero, "run canceled");
            output.TargetFinished(result);
            return result;
        }

        try
        {
            // Measured once it holds a slot: the report's timeline shows when it ran, not when it waited.
            var startedAt = sinceStart();
            var ran = await executor.ExecuteAsync(target.Definition, cancellation).ConfigureAwait(false);
            return ran with { StartedAt = startedAt };
        }
        finally
        {
            throttle.Release();
        }
    }

    private TargetResult? WhyNotRun(PlannedTarget target, TargetResult[] before, ConditionFacts facts, CancellationToken cancellation)
    {
        if (target.SkipReason is { } reason)
        {
            return new TargetResult(target.Name, TargetStatus.Skipped, TimeSpan.Zero, reason);
        }

        var blocker = before.FirstOrDefault(r => target.BlockedBy.Contains(r.Name) && r.BlocksDependents);
        var start = new TargetStart(ResultOf, executor.OutputText, executor.JobCell, cancellation.IsCancellationRequested);

        // Always/OnFailure conditions decide for themselves what a failure before them means.
        if (target.Definition.When is { DependsOnStatus: true } when)
        {
            return Decided(target, when, facts with { UpstreamFailed = blocker is not null }, start) ?? WhenCanceled(target, cancellation);
        }

        if (blocker is not null && !target.Definition.AssuredAfterFailure)
        {
            var root = blocker.FailedRoot ?? blocker.Name;
            var verb = blocker.Status == TargetStatus.Canceled ? "was canceled" : "failed";
            return new TargetResult(target.Name, TargetStatus.Skipped, TimeSpan.Zero, $"dependency {root} {verb}", FailedRoot: root);
        }

        // A condition reading how earlier targets ended, or their outputs, is decided now.
        if (target.Definition.When is { ReadsStartFacts: true } startCondition && Decided(target, startCondition, facts, start) is { } skipped)
        {
            return skipped;
        }

        return WhenCanceled(target, cancellation);
    }

    /// <summary>Null when the condition holds (or the run is canceled, which skips it anyway); otherwise the skip and why.</summary>
    private static TargetResult? Decided(PlannedTarget target, Condition when, ConditionFacts facts, TargetStart start) =>
        when.Decide(facts, start) switch
        {
            Evaluated.Known { Value: true } => null,
            _ when start.Cancelled => null,
            Evaluated.Unknown unknown => new TargetResult(target.Name, TargetStatus.Skipped, TimeSpan.Zero, Planner.UnknownLocally(when, unknown.Facts)),
            _ => new TargetResult(target.Name, TargetStatus.Skipped, TimeSpan.Zero, $"condition `{when}` is false"),
        };

    /// <summary>
    /// The targets finished so far, in plan order; those another CI job runs (<c>--skip</c>) are not this
    /// run's to tell, but that job's result is when it was handed over, and so are other jobs' targets
    /// outside the plan (after it).
    /// </summary>
    private RunSoFar SoFar(Plan plan, TimeSpan elapsed)
    {
        var fromOtherJobs = OtherJobs.ToDictionary(t => t.Name, StringComparer.Ordinal);
        var finished = plan.Targets
            .Select(t => _finished.TryGetValue(t.Name, out var result) ? Finished(result, fromOtherJobs.GetValueOrDefault(t.Name)) : null)
            .OfType<FinishedTarget>()
            .ToList();
        var planned = plan.Targets.Select(t => t.Name).ToHashSet(StringComparer.Ordinal);
        return new([.. finished, .. OtherJobs.Where(t => !planned.Contains(t.Name))], elapsed);
    }

    /// <summary>The targets this process ran or skipped itself, in plan order: not those another CI job runs (<c>--skip</c>).</summary>
    public static IEnumerable<FinishedTarget> RanHere(RunReport report) =>
        report.Results.Select(r => Finished(r, null)).OfType<FinishedTarget>();

    private static FinishedTarget? Finished(TargetResult result, FinishedTarget? inOtherJob) =>
        IsOtherJobs(result)
            ? inOtherJob
            : new FinishedTarget(result.Name, OutcomeOf(result), result.Duration, result.Status == TargetStatus.Failed ? result.Detail?.Split('\n')[0] : result.Reason);

    private static bool IsOtherJobs(TargetResult result) => result.Reason?.StartsWith("--skip", StringComparison.Ordinal) == true;

    private static TargetOutcome OutcomeOf(TargetResult result) => result.Status switch
    {
        TargetStatus.Failed => result.IsWarning ? TargetOutcome.Warning : TargetOutcome.Failed,
        TargetStatus.Succeeded => TargetOutcome.Succeeded,
        TargetStatus.UpToDate => TargetOutcome.UpToDate,
        TargetStatus.Canceled => TargetOutcome.Canceled,
        _ => TargetOutcome.Skipped,
    };

    private string? ResultOf(string target) =>
        _finished.TryGetValue(target, out var result)
            ? result.Status switch
            {
                TargetStatus.Succeeded => "success",
                TargetStatus.Failed => "failure",
                TargetStatus.Canceled => "cancelled",
                _ => IsOtherJobs(result) ? null : "skipped",
            }
            : null;

    private static TargetResult? WhenCanceled(PlannedTarget target, CancellationToken cancellation) =>
        cancellation.IsCancellationRequested
            ? new TargetResult(target.Name, TargetStatus.Skipped, TimeSpan.Zero, "run canceled")
            : null;
}
