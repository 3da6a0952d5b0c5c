using System.Collections.Concurrent;
using Pipeline.Execution.Incremental;
using Pipeline.Planning;
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

    private readonly RunOutputs _outputs = new(variables ?? NoVariables, () => parameters.SecretValues().Select(s => s.Value));

    private readonly IncrementalTargets _incremental = new(rootDirectory, parameters, variables ?? NoVariables, processes);

    /// <summary><c>--force</c>: the targets that run even when up to date.</summary>
    public ForceRequest Force { get; init; } = ForceRequest.None;

    /// <summary>Where targets add sections to the run's HTML report (<see cref="TargetContext.Report"/>).</summary>
    public ReportSections? Sections { get; init; }

    /// <summary>The run as it stands (set by the scheduler running the plan), for <see cref="TargetContext.RunSoFar"/>.</summary>
    public Func<RunSoFar>? RunSoFar { get; set; }

    /// <summary>The cell a CI matrix job runs: every target of the job sees it, not only the matrix target.</summary>
    private MatrixCell? _jobCell;

    /// <summary>
    /// When the plan has one matrix target and the environment names one of its cells (a CI matrix
    /// job's leg), that cell is the whole run's: the plan's other targets run in that leg too.
    /// </summary>
    /// <summary>The one cell this CI job runs (its matrix values), or null locally and outside a matrix job.</summary>
    internal MatrixCell? JobCell => _jobCell;

    /// <summary>An output's value as text, set in this run or carried into it by the environment.</summary>
    internal string? OutputText(IOutput output) => _outputs.TextOf(output);

    public void SelectJobCell(Plan plan) => _jobCell = JobCellOf(plan, variables ?? NoVariables);

    /// <summary>The cell the environment names for the plan's one matrix target, or null (also read by <c>--fingerprints</c>).</summary>
    internal static MatrixCell? JobCellOf(Plan plan, IReadOnlyDictionary<string, string> variables)
    {
        ArgumentNullException.ThrowIfNull(plan);
        var matrices = plan.ToRun.Select(t => t.Definition.Matrix).OfType<TargetMatrix>().ToList();
        if (matrices is not [var matrix] || !matrix.IsSelectedBy(variables))
        {
            return null;
        }

        var cells = matrix.Source is { } source ? TargetMatrix.CellsOf(source, () => "[]", variables) : matrix.CellsSelectedBy(variables);
        return cells.Count == 1 ? cells[0] : null;
    }

    public async Task<TargetResult> ExecuteAsync(TargetDefinition target, CancellationToken runCancellation)
    {
        var started = time.GetTimestamp();
        var log = new TargetLog(target.Name, output);
        output.TargetStarted(target.Name);

        var result = await ExecuteCoreAsync(target, log, runCancellation).ConfigureAwait(false);
        // The search reads every process's environment: only for a target that started a process.
        if (result.Status is (TargetStatus.Succeeded or TargetStatus.Failed) && processes.HasRunCommands(target.Name))
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
            : await RunIncrementallyAsync(target, log, null, runCancellation).ConfigureAwait(false);
    }

    /// <summary>Every selected cell side by side (at most MaxParallel); the target fails if a cell fails.</summary>
    private async Task<TargetResult> RunCellsAsync(TargetDefinition target, TargetMatrix matrix, CancellationToken runCancellation)
    {
        IReadOnlyList<MatrixCell> cells;
        if (matrix.Source is { } source)
        {
            try
            {
                cells = TargetMatrix.CellsOf(source, () => new TargetOutputs(target, _outputs).TextOf(source.Output), variables ?? NoVariables);
            }
            catch (TargetFailedException e)
            {
                return new TargetResult(target.Name, TargetStatus.Failed, TimeSpan.Zero, e.Message, e);
            }

            if (cells.Count == 0)
            {
                // Not a success of zero cells: nothing ran, and the summary says why.
                return new TargetResult(target.Name, TargetStatus.Skipped, TimeSpan.Zero, $"its matrix is empty: the output {source.Output.Name} is []");
            }
        }
        else
        {
            cells = matrix.CellsSelectedBy(variables ?? NoVariables);
        }

        if (cells.Count == 0)
        {
            var selection = string.Join(", ", matrix.Axes.Select(a => $"{TargetMatrix.VariableOf(a.Name)}={variables?.GetValueOrDefault(TargetMatrix.VariableOf(a.Name))}"));
            return new TargetResult(target.Name, TargetStatus.Failed, TimeSpan.Zero, $"no cell of its matrix matches {selection}");
        }

        using var cellsCancellation = CancellationTokenSource.CreateLinkedTokenSource(runCancellation);
        using var throttle = new SemaphoreSlim(matrix.MaxParallel ?? cells.Count);
        var cellsStarted = time.GetTimestamp();
        var timings = new ConcurrentQueue<CellTiming>();
        var results = await Task.WhenAll(cells.Select(async cell =>
        {
            await throttle.WaitAsync(cellsCancellation.Token).ConfigureAwait(false);
            try
            {
                var offset = time.GetElapsedTime(cellsStarted);
                var result = await RunIncrementallyAsync(target, new TargetLog(target.Name, output, $"[{cell}] "), cell, cellsCancellation.Token).ConfigureAwait(false);
                timings.Enqueue(new CellTiming(cell.ToString(), result.Status, offset, time.GetElapsedTime(cellsStarted) - offset));
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

        var cellTimings = timings.OrderBy(t => t.Offset).ToList();
        return CombinedResult(target, results, runCancellation) with { Cells = cellTimings };
    }

    /// <summary>The target's one result from its cells': the first failure, else canceled, else up to date only when every cell is.</summary>
    private static TargetResult CombinedResult(TargetDefinition target, (MatrixCell? Cell, TargetResult Result)[] results, CancellationToken runCancellation)
    {
        if (results.FirstOrDefault(r => r.Result.Status == TargetStatus.Failed) is { Cell: { } failedCell } failed)
        {
            return failed.Result with { Reason = $"[{failedCell}] {failed.Result.Reason}" };
        }

        if (runCancellation.IsCancellationRequested)
        {
            return new TargetResult(target.Name, TargetStatus.Canceled, TimeSpan.Zero, "canceled while running");
        }

        // With inputs declared, each cell decides for itself: the target is up to date only when every cell is.
        var ran = results.Where(r => r.Result.Status != TargetStatus.UpToDate).ToList();
        return ran.Count == 0
            ? new TargetResult(target.Name, TargetStatus.UpToDate, TimeSpan.Zero, results.Length == 1 ? "its one cell is up to date" : $"all {results.Length} cells up to date")
            : new TargetResult(
                target.Name,
                TargetStatus.Succeeded,
                TimeSpan.Zero,
                ran[0].Result.Reason is { } why ? $"[{ran[0].Cell}] {why}" : null,
                Attempts: results.Max(r => r.Result.Attempts));
    }

    /// <summary>
    /// For a target (or cell) with declared inputs: up to date — its outputs and typed output values
    /// there, nothing run — or run, saying which input changed, and remembered when it succeeds.
    /// </summary>
    private async Task<TargetResult> RunIncrementallyAsync(TargetDefinition target, TargetLog log, MatrixCell? cell, CancellationToken runCancellation)
    {
        if (target.Inputs is null)
        {
            return await RunWithServicesAsync(target, log, cell, runCancellation).ConfigureAwait(false);
        }

        // A non-matrix target in a CI matrix leg sees the leg's cell, so the cell is part of its key too.
        var keyCell = cell ?? (target.Matrix is null ? _jobCell : null);
        UpToDateDecision decision;
        try
        {
            decision = await _incremental.DecideAsync(target, keyCell, Force.Forces(target.Name), _outputs.TextOf, restore: true, runCancellation).ConfigureAwait(false);
        }
        catch (Exception) when (runCancellation.IsCancellationRequested)
        {
            return new TargetResult(target.Name, TargetStatus.Canceled, TimeSpan.Zero, "canceled while computing its fingerprint");
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException or PipelineException)
        {
            return new TargetResult(target.Name, TargetStatus.Failed, TimeSpan.Zero, "its fingerprint could not be computed: " + FirstLine(e.Message), e);
        }

        if (decision.IsUpToDate)
        {
            var outputs = new TargetOutputs(target, _outputs);
            foreach (var produced in target.OutputsProduced)
            {
                if (decision.Restored?.Outputs.GetValueOrDefault(produced.Name) is { } value)
                {
                    _outputs.Set(produced, value);
                }
            }

            if (Published(target, outputs) is { } unset)
            {
                return new TargetResult(target.Name, TargetStatus.Failed, TimeSpan.Zero, unset);
            }

            log.Info("Up to date: " + decision.Reason);
            return new TargetResult(target.Name, TargetStatus.UpToDate, TimeSpan.Zero, decision.Reason);
        }

        log.Info("Runs: " + decision.Reason);
        _incremental.Forget(target, keyCell, decision.Fingerprint);
        var result = await RunWithServicesAsync(target, log, cell, runCancellation).ConfigureAwait(false);
        if (result.Status != TargetStatus.Succeeded || runCancellation.IsCancellationRequested)
        {
            return result;
        }

        try
        {
            _incremental.Remember(target, keyCell, decision.Fingerprint, _outputs.TextOf);
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            // The work is done and good; only the next run's shortcut is lost.
            log.Warning("Its fingerprint could not be recorded, so it will run again next time: " + FirstLine(e.Message));
        }

        return result with { Reason = decision.Reason };
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
        var outputs = new TargetOutputs(target, _outputs);
        var temp = TargetDirectories.Fresh(TargetDirectories.For(rootDirectory, target.Name, cell));
        for (var attempt = 1; ; attempt++)
        {
            using var attemptCancellation = CancellationTokenSource.CreateLinkedTokenSource(runCancellation);
            if (target.Timeout is { } timeout)
            {
                attemptCancellation.CancelAfter(timeout);
            }

            var context = new TargetContext(target.Name, attempt, log, parameters, rootDirectory, RunCommandAsync, attemptCancellation.Token)
            {
                Matrix = cell ?? (target.Matrix is null ? _jobCell : null),
                TempDirectory = temp,
                Outputs = outputs,
                Variables = variables ?? new Dictionary<string, string>(),
                StepSummary = stepSummary ?? StepSummary.None,
                Environment = environment,
                GitHub = _gitHub,
                Clock = time,
                RunSoFarSource = RunSoFar,
                Sections = Sections,
            };
            try
            {
                using (ConsoleCapture.WritingTo(log))
                {
                    await RunUntilStoppedAsync(target, context, log, attemptCancellation.Token).ConfigureAwait(false);
                }

                if (Published(target, outputs) is { } unset)
                {
                    return new TargetResult(target.Name, TargetStatus.Failed, TimeSpan.Zero, unset, Attempts: attempt);
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

    /// <summary>
    /// Checks that the target set every output it declared and, in GitHub Actions, writes them to
    /// the step's outputs file; returns why it fails, or null.
    /// </summary>
    private string? Published(TargetDefinition target, TargetOutputs outputs)
    {
        if (outputs.Unset().FirstOrDefault() is { } unset)
        {
            return $"{target.Name} did not set its output {unset.Name}: call context.Set({unset.Name}, value) in RunAsync, or remove .Produces({unset.Name}).";
        }

        if (_gitHub.IsActions && _gitHub.OutputPath is { } path && target.OutputsProduced.Count > 0)
        {
            GitHubOutputFile.Append(path, target.OutputsProduced.Select(o => (o, outputs.TextOf(o))));
        }

        return null;
    }

    private static string FirstLine(string text) => text.Split('\n', 2)[0].TrimEnd('\r');

    private Task<ProcessResult> RunCommandAsync(ToolCommand command, TargetLog log, CancellationToken cancellation) =>
        processes.RunAsync(command, log.Target, log.Info, cancellation);
}
