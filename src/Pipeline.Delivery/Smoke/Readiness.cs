using System.Net;

namespace Pipeline.Delivery;

/// <summary>
/// Polls a service's health endpoints until each answers 200, as a deploy settles. Connection
/// errors and non-200 answers are retried until the deadline; then the last answer of each endpoint
/// that was not ready is the error. Time is the run's clock (<see cref="TargetContext.Clock"/>).
/// </summary>
internal static class Readiness
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
        HttpExchange? latest = null; // the most recent answer that was not 200
        while (true)
        {
            foreach (var path in pending.ToList())
            {
                // Each request gets what is left of the overall deadline, so a service that accepts
                // connections and never answers fails at the deadline, not a request timeout past it.
                var remaining = timeout - clock.GetElapsedTime(started);
                if (remaining <= TimeSpan.Zero)
                {
                    break;
                }

                try
                {
                    var response = await client.GetAsync(path, remaining).ConfigureAwait(false);
                    lastAnswer[path] = response.Exchange;
                    if (response.Status == HttpStatusCode.OK)
                    {
                        log.Info($"{path} answered 200");
                        pending.Remove(path);
                    }
                    else
                    {
                        latest = response.Exchange;
                    }
                }
                catch (SmokeFailedException e) when (e.Exchange is not null)
                {
                    lastAnswer[path] = e.Exchange;
                    latest = e.Exchange;
                }
            }

            if (pending.Count == 0)
            {
                return;
            }

            if (clock.GetElapsedTime(started) + interval > timeout)
            {
                var last = latest is not null && pending.Any(p => ReferenceEquals(lastAnswer.GetValueOrDefault(p), latest))
                    ? latest
                    : pending.Select(p => lastAnswer.GetValueOrDefault(p)).FirstOrDefault(e => e is not null);
                var answer = last is null ? "no request was made" : last.Error ?? $"{(int)last.Status!.Value} {last.Status}";
                throw new SmokeFailedException(
                    $"{client.BaseAddress} is not ready after {timeout.TotalSeconds:0.#} s: {string.Join(", ", pending)} did not answer 200 (last: {answer}).", last);
            }

            await Task.Delay(interval, clock, cancellation).ConfigureAwait(false);
        }
    }
}
