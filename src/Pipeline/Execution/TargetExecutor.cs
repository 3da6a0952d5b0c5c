using System.Diagnostics;

namespace Pipeline;

/// <summary>Runs one target: its dynamic conditions, then its action with timeout and retries.</summary>
internal sealed class TargetExecutor(
    IRunOutput output,
    ParameterValues parameters,
    AbsolutePath rootDirectory,
    ProcessRunner processes,
    TimeProvider time)
{
    public async Task<TargetResult> ExecuteAsync(TargetDefinition target, CancellationToken runCancellation)
    {
        var clock = Stopwatch.StartNew();
        var log = new TargetLog(target.Name, output);
        output.TargetStarted(target.Name);

        var result = await ExecuteCoreAsync(target, log, runCancellation).ConfigureAwait(false);
        result = result with { Duration = clock.Elapsed, ProceedAfterFailure = target.ProceedAfterFailure };
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

        for (var attempt = 1; ; attempt++)
        {
            using var attemptCancellation = CancellationTokenSource.CreateLinkedTokenSource(runCancellation);
            if (target.Timeout is { } timeout)
            {
                attemptCancellation.CancelAfter(timeout);
            }

            var context = new TargetContext(target.Name, attempt, log, parameters, rootDirectory, processes, attemptCancellation.Token);
            try
            {
                // WaitAsync: a target that ignores its token still cannot hold the run past its timeout.
                await target.Action(context).WaitAsync(attemptCancellation.Token).ConfigureAwait(false);
                return new TargetResult(target.Name, TargetStatus.Succeeded, TimeSpan.Zero, Attempts: attempt);
            }
            catch (Exception) when (runCancellation.IsCancellationRequested)
            {
                return new TargetResult(target.Name, TargetStatus.Canceled, TimeSpan.Zero, "canceled while running", Attempts: attempt);
            }
            catch (Exception e)
            {
                var timedOut = attemptCancellation.IsCancellationRequested;
                var reason = timedOut ? $"timed out after {Durations.Format(target.Timeout!.Value)}" : e.Message;
                if (attempt >= target.Retry.Attempts)
                {
                    return new TargetResult(target.Name, TargetStatus.Failed, TimeSpan.Zero, FirstLine(reason), e, attempt);
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

    private static string FirstLine(string text) => text.Split('\n', 2)[0].TrimEnd('\r');
}
