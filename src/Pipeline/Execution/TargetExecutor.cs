using Pipeline.Processes;

namespace Pipeline.Execution;

/// <summary>Runs one target: its dynamic conditions, then its action (once per matrix cell) with timeout and retries.</summary>
/// <param name="time">The run's clock: durations, retry backoff, and every target's <see cref="TargetContext.Clock"/>.</param>
/// <param name="variables">The environment: CI selects one matrix cell with <c>PIPELINE_MATRIX_*</c>; targets read it too.</param>
/// <param name="gitHub">The GitHub run's facts, read once from <paramref name="variables"/> (by default: here).</param>
/// <param name="stepSummary">Where targets add Markdown to the CI run's page.</param>
/// <param name="services">Who starts the service containers a target uses (once per target or matrix cell, around its attempts).</param>
internal sealed class TargetExecutor(
    IRunOutput output,
    ParameterValues parameters,
    AbsolutePath rootDirectory,
    ProcessRunner processes,
    TimeProvider time,
    IReadOnlyDictionary<string, string>? variables = null,
    StepSummary? stepSummary = null,
    ServiceHosting? services = null,
    GitHubRun? gitHub = null)
{
    private static readonly IReadOnlyDictionary<string, string> NoVariables = new Dictionary<string, string>();

    // Longer than a process's default grace period (5 s) plus the kill that follows it.
    private static readonly TimeSpan StopWait = TimeSpan.FromSeconds(15);

    private readonly GitHubRun _gitHub = gitHub ?? (variables is null ? GitHubRun.None : GitHubRun.From(variables));

    public async Task<TargetResult> ExecuteAsync(TargetDefinition target, CancellationToken runCancellation)
    {
        var started = time.GetTimestamp();
        var log = new TargetLog(target.Name, output);
        output.TargetStarted(target.Name);

        var result = await ExecuteCoreAsync(target, log, runCancellation).ConfigureAwait(false);
        if (result.Status is TargetStatus.Succeeded or TargetStatus.Failed)
        {
            await EndLeftoversAsync(target, log).ConfigureAwait(false);
        }

        result = result with { Duration = time.GetElapsedTime(started), ProceedAfterFailure = target.ProceedAfterFailure, WarningOnly = target.WarningOnly };
        output.TargetFinished(result);
        return result;
    }

    private async Task<TargetResult> ExecuteCoreAsync(TargetDefinition target, TargetLog log, CancellationToken runCancellation)
    {
        var unmet = target.Conditions.FirstOrDefault(c => c.Timing == ConditionTiming.Dynamic && !c.Predicate());
        if (unmet is not null)
        {
            return new TargetResult(target.Name, TargetStatus.Skipped, TimeSpan.Zero, $"condition `{unmet.Expression}` is false");
        }

        return target.Matrix is { } matrix
            ? await RunCellsAsync(target, matrix, runCancellation).ConfigureAwait(false)
            : await RunWithServicesAsync(target, log, null, runCancellation).ConfigureAwait(false);
    }

    /// <summary>Every selected cell side by side (at most MaxParallel); the target fails if a cell fails.</summary>
    private async Task<TargetResult> RunCellsAsync(TargetDefinition target, TargetMatrix matrix, CancellationToken runCancellation)
    {
        var cells = matrix.CellsSelectedBy(variables ?? new Dictionary<string, string>());
        if (cells.Count == 0)
        {
            var selection = string.Join(", ", matrix.Axes.Select(a => $"{TargetMatrix.VariableOf(a.Name)}={variables?.GetValueOrDefault(TargetMatrix.VariableOf(a.Name))}"));
            return new TargetResult(target.Name, TargetStatus.Failed, TimeSpan.Zero, $"no cell of its matrix matches {selection}");
        }

        using var cellsCancellation = CancellationTokenSource.CreateLinkedTokenSource(runCancellation);
        using var throttle = new SemaphoreSlim(matrix.MaxParallel ?? cells.Count);
        var results = await Task.WhenAll(cells.Select(async cell =>
        {
            await throttle.WaitAsync(cellsCancellation.Token).ConfigureAwait(false);
            try
            {
                var result = await RunWithServicesAsync(target, new TargetLog(target.Name, output, $"[{cell}] "), cell, cellsCancellation.Token).ConfigureAwait(false);
                if (result.Status == TargetStatus.Failed && matrix.FailFast)
                {
                    await cellsCancellation.CancelAsync().ConfigureAwait(false);
                }

                return (Cell: cell, Result: result);
            }
            finally
            {
                throttle.Release();
            }
        }).Select(async task =>
        {
            try
            {
                return await task.ConfigureAwait(false);
            }
            catch (OperationCanceledException)
            {
                return (Cell: (MatrixCell?)null, Result: new TargetResult(target.Name, TargetStatus.Canceled, TimeSpan.Zero, "canceled before it started"));
            }
        })).ConfigureAwait(false);

        if (results.FirstOrDefault(r => r.Result.Status == TargetStatus.Failed) is { Cell: { } failedCell } failed)
        {
            return failed.Result with { Reason = $"[{failedCell}] {failed.Result.Reason}" };
        }

        return runCancellation.IsCancellationRequested
            ? new TargetResult(target.Name, TargetStatus.Canceled, TimeSpan.Zero, "canceled while running")
            : new TargetResult(target.Name, TargetStatus.Succeeded, TimeSpan.Zero, Attempts: results.Max(r => r.Result.Attempts));
    }

    /// <summary>
    /// Starts the target's service containers, runs its attempts with the variables they expose, and
    /// stops them again however the attempts end: success, failure, timeout or cancellation.
    /// </summary>
    private async Task<TargetResult> RunWithServicesAsync(TargetDefinition target, TargetLog log, MatrixCell? cell, CancellationToken runCancellation)
    {
        var hosting = services ?? ServiceHosting.None;
        if (target.ServiceContainers.Count == 0)
        {
            return await RunAttemptsAsync(target, log, cell, NoVariables, runCancellation).ConfigureAwait(false);
        }

        if (hosting.StartedByRunner)
        {
            var declared = ServiceVariables.Exposed(target.ServiceContainers, s => ServiceEndpoint.SamePorts(s), parameters);
            return await RunAttemptsAsync(target, log, cell, declared, runCancellation).ConfigureAwait(false);
        }

        if (hosting.Host is not { } host)
        {
            return new TargetResult(target.Name, TargetStatus.Failed, TimeSpan.Zero, ServiceHosting.MissingHost([target]));
        }

        IRunningServices running;
        try
        {
            var toStart = target.ServiceContainers
                .Select(s => new ServiceToStart(s, ServiceVariables.ContainerEnvironment(s, parameters), target.Name))
                .ToList();
            log.Info($"Starting service container{(toStart.Count > 1 ? "s" : "")} {string.Join(", ", toStart.Select(s => s.Container.Name))}");
            running = await host.StartAsync(toStart, log, runCancellation).ConfigureAwait(false);
        }
        catch (Exception) when (runCancellation.IsCancellationRequested)
        {
            return new TargetResult(target.Name, TargetStatus.Canceled, TimeSpan.Zero, "canceled while starting its service containers");
        }
        catch (Exception e)
        {
            return new TargetResult(target.Name, TargetStatus.Failed, TimeSpan.Zero, "its service containers did not start: " + FirstLine(e.Message), e);
        }

        try
        {
            Dictionary<string, string> exposed;
            try
            {
                exposed = ServiceVariables.Exposed(target.ServiceContainers, running.EndpointOf, parameters);
            }
            catch (Exception e)
            {
                return new TargetResult(target.Name, TargetStatus.Failed, TimeSpan.Zero, FirstLine(e.Message), e);
            }

            return await RunAttemptsAsync(target, log, cell, exposed, runCancellation).ConfigureAwait(false);
        }
        finally
        {
            try
            {
                await running.DisposeAsync().ConfigureAwait(false);
            }
            catch (Exception e)
            {
                log.Warning("Stopping its service containers failed: " + FirstLine(e.Message));
            }
        }
    }

    private async Task<TargetResult> RunAttemptsAsync(
        TargetDefinition target, TargetLog log, MatrixCell? cell, IReadOnlyDictionary<string, string> environment, CancellationToken runCancellation)
    {
        for (var attempt = 1; ; attempt++)
        {
            using var attemptCancellation = CancellationTokenSource.CreateLinkedTokenSource(runCancellation);
            if (target.Timeout is { } timeout)
            {
                attemptCancellation.CancelAfter(timeout);
            }

            var context = new TargetContext(target.Name, attempt, log, parameters, rootDirectory, RunCommandAsync, attemptCancellation.Token)
            {
                Matrix = cell,
                Variables = variables ?? new Dictionary<string, string>(),
                StepSummary = stepSummary ?? StepSummary.None,
                Environment = environment,
                GitHub = _gitHub,
                Clock = time,
            };
            try
            {
                using (ConsoleCapture.WritingTo(log))
                {
                    await RunUntilStoppedAsync(target, context, log, attemptCancellation.Token).ConfigureAwait(false);
                }

                return new TargetResult(target.Name, TargetStatus.Succeeded, TimeSpan.Zero, Attempts: attempt);
            }
            catch (Exception) when (runCancellation.IsCancellationRequested)
            {
                return new TargetResult(target.Name, TargetStatus.Canceled, TimeSpan.Zero, "canceled while running", Attempts: attempt);
            }
            catch (Exception e)
            {
                var timedOut = attemptCancellation.IsCancellationRequested;
                var error = timedOut ? new TargetFailedException($"timed out after {Durations.Format(target.Timeout!.Value)}", e) : e;
                var reason = error.Message;
                if (attempt >= target.Retry.Attempts)
                {
                    return new TargetResult(target.Name, TargetStatus.Failed, TimeSpan.Zero, FirstLine(reason), error, attempt);
                }

                var backoff = target.Retry.BackoffBefore(attempt + 1);
                log.Warning($"Attempt {attempt} of {target.Retry.Attempts} failed: {FirstLine(reason)}. Retrying in {Durations.Format(backoff)}.");
                try
                {
                    await Task.Delay(backoff, time, runCancellation).ConfigureAwait(false);
                }
                catch (OperationCanceledException)
                {
                    return new TargetResult(target.Name, TargetStatus.Canceled, TimeSpan.Zero, "canceled while waiting to retry", Attempts: attempt);
                }
            }
        }
    }

    /// <summary>
    /// Runs the action; when it is canceled (Ctrl+C, SIGTERM, its timeout) waits for it to stop, so
    /// its processes get their interrupt and grace period, and are killed, before the run can end and
    /// the pipeline exit. A target that ignores its token cannot hold the run longer than <see cref="StopWait"/>.
    /// </summary>
    private async Task RunUntilStoppedAsync(TargetDefinition target, TargetContext context, TargetLog log, CancellationToken cancellation)
    {
        var action = target.Action(context);
        try
        {
            await action.WaitAsync(cancellation).ConfigureAwait(false);
        }
        catch (OperationCanceledException) when (!action.IsCompleted)
        {
            // Not the canceled token: this wait starts because it fired.
            var stopped = await Task.WhenAny(action, Task.Delay(StopWait, time, CancellationToken.None)).ConfigureAwait(false);
            if (stopped != action)
            {
                log.Warning($"{target.Name} did not stop within {Durations.Format(StopWait)} of being canceled; the run goes on without waiting for it.");
            }

            throw;
        }
    }

    /// <summary>
    /// Ends what the target started through <see cref="TargetContext.RunAsync(ToolCommand)"/> and left
    /// running (<c>server &amp;</c> in a script): it carries the target's marker after the target's code
    /// returned. Once per target, not per matrix cell: the cells share the marker and run side by
    /// side. A canceled target's processes were ended by its cancellation already.
    /// </summary>
    private async Task EndLeftoversAsync(TargetDefinition target, TargetLog log)
    {
        var ended = await Leftovers.EndAsync(ProcessTree.FindMarked(processes.MarkerOf(target.Name), wholeRun: false)).ConfigureAwait(false);
        if (ended.Count > 0)
        {
            log.Warning(
                $"{target.Name} left {Leftovers.Describe(ended)}; ended {(ended.Count == 1 ? "it" : "them")}. " +
                "Start a process that must outlive its target with context.StartDetachedAsync.");
        }
    }

    private static string FirstLine(string text) => text.Split('\n', 2)[0].TrimEnd('\r');

    private Task<ProcessResult> RunCommandAsync(ToolCommand command, TargetLog log, CancellationToken cancellation) =>
        processes.RunAsync(command, log.Target, log.Info, cancellation);
}
