using System.Net;

namespace Pipeline.Delivery;

/// <summary>
/// Polls a service's health endpoints until each answers 200, as a deploy settles. Connection
/// errors and non-200 answers are retried until the deadline; then the last answer of each endpoint
/// that was not ready is the error. Time is the run's clock (<see cref="TargetContext.Clock"/>).
/// </summary>
public static class Readiness
{
    public static async Task WaitAsync(
        SmokeClient client, IReadOnlyList<string> paths, TimeSpan timeout, TimeSpan interval, TargetLog log, TimeProvider clock, CancellationToken cancellation)
    {
        ArgumentNullException.ThrowIfNull(client);
        ArgumentNullException.ThrowIfNull(paths);
        ArgumentNullException.ThrowIfNull(log);
        ArgumentNullException.ThrowIfNull(clock);
        var started = clock.GetTimestamp();
        var pending = new List<string>(paths);
        var lastAnswer = new Dictionary<string, HttpExchange>();
        while (true)
        {
            foreach (var path in pending.ToList())
            {
                try
                {
                    var response = await client.GetAsync(path).ConfigureAwait(false);
                    lastAnswer[path] = response.Exchange;
                    if (response.Status == HttpStatusCode.OK)
                    {
                        log.Info($"{path} answered 200");
                        pending.Remove(path);
                    }
                }
                catch (SmokeFailedException e) when (e.Exchange is not null)
                {
                    lastAnswer[path] = e.Exchange;
                }
            }

            if (pending.Count == 0)
            {
                return;
            }

            if (clock.GetElapsedTime(started) + interval > timeout)
            {
                var last = lastAnswer[pending[0]];
                var answer = last.Error ?? $"{(int)last.Status!.Value} {last.Status}";
                throw new SmokeFailedException(
                    $"{client.BaseAddress} is not ready after {timeout.TotalSeconds:0.#} s: {string.Join(", ", pending)} did not answer 200 (last: {answer}).", last);
            }

            await Task.Delay(interval, clock, cancellation).ConfigureAwait(false);
        }
    }
}
