namespace Pipeline.Delivery;

/// <summary>
/// Exponential backoff for transient registry failures: up to <see cref="Attempts"/> tries, waiting
/// <see cref="Initial"/>, then twice that, and so on. Only failures <see cref="TransientFailures"/>
/// calls transient are retried; a refused login fails at once.
/// </summary>
public sealed record Backoff(int Attempts, TimeSpan Initial)
{
    public static Backoff Default { get; } = new(5, TimeSpan.FromSeconds(1));

    /// <summary>Called before each wait (attempt that failed, the failure, the wait): logging, or a test opening the gate.</summary>
    public Func<int, Exception, TimeSpan, Task>? BeforeRetry { get; init; }

    public TimeSpan DelayAfter(int failedAttempt) => Initial * Math.Pow(2, failedAttempt - 1);

    /// <param name="clock">What the waits are measured on: the run's (<see cref="TargetContext.Clock"/>); by default the system's.</param>
    public async Task<T> RunAsync<T>(string what, TargetLog log, Func<Task<T>> attempt, CancellationToken cancellation, TimeProvider? clock = null)
    {
        ArgumentNullException.ThrowIfNull(log);
        ArgumentNullException.ThrowIfNull(attempt);
        for (var number = 1; ; number++)
        {
            try
            {
                return await attempt().ConfigureAwait(false);
            }
            catch (Exception e) when (number < Attempts && !cancellation.IsCancellationRequested && TransientFailures.IsTransient(e))
            {
                var delay = DelayAfter(number);
                log.Warning($"{what}: attempt {number} of {Attempts} failed ({FirstLine(e.Message)}); retrying in {delay.TotalSeconds:0.#} s");
                if (BeforeRetry is not null)
                {
                    await BeforeRetry(number, e, delay).ConfigureAwait(false);
                }

                await Task.Delay(delay, clock ?? TimeProvider.System, cancellation).ConfigureAwait(false);
            }
        }
    }

    private static string FirstLine(string text) => text.Split('\n')[0];
}
