using System.Net;
using System.Text.RegularExpressions;

namespace Pipeline.Delivery;

/// <summary>
/// A blue-green deploy's health checks: before the switch, wait until the new colour answers 200 on
/// every path; after it, keep asking the live address for the health window. Each returns null when
/// healthy, otherwise one line saying what was seen (the status and a body excerpt, or the timeout).
/// </summary>
internal static partial class HealthCheck
{
    private const int ExcerptLength = 80;

    /// <summary>Polls until every path answers 200 or <see cref="BlueGreenStrategy.ReadyTimeout"/> passes.</summary>
    public static async Task<string?> WaitUntilHealthyAsync(Uri address, BlueGreenStrategy strategy, TargetContext context)
    {
        using var client = new SmokeClient(address, strategy.RequestTimeout, context.Cancellation);
        try
        {
            await Readiness.WaitAsync(client, strategy.HealthPaths, strategy.ReadyTimeout, strategy.HealthInterval, context.Log, context.Clock, context.Cancellation)
                .ConfigureAwait(false);
            return null;
        }
        catch (SmokeFailedException e)
        {
            var seen = e.Exchange is { } exchange ? Describe(exchange) : "no request was made";
            return $"not healthy within {strategy.ReadyTimeout.TotalSeconds:0.#} s ({seen})";
        }
    }

    /// <summary>Asks every path, round after round, for <see cref="BlueGreenStrategy.HealthWindow"/>; the first answer that is not 200 ends it.</summary>
    public static async Task<string?> WatchAsync(Uri address, BlueGreenStrategy strategy, TargetContext context)
    {
        using var client = new SmokeClient(address, strategy.RequestTimeout, context.Cancellation);
        var started = context.Clock.GetTimestamp();
        var rounds = 0;
        while (true)
        {
            foreach (var path in strategy.HealthPaths)
            {
                try
                {
                    var response = await client.GetAsync(path).ConfigureAwait(false);
                    if (response.Status != HttpStatusCode.OK)
                    {
                        return Describe(response.Exchange);
                    }
                }
                catch (SmokeFailedException e) when (e.Exchange is not null)
                {
                    return Describe(e.Exchange);
                }
            }

            rounds++;
            if (context.Clock.GetElapsedTime(started) + strategy.HealthInterval > strategy.HealthWindow)
            {
                context.Log.Info($"{address} stayed healthy for {strategy.HealthWindow.TotalSeconds:0.#} s ({rounds} rounds of {string.Join(", ", strategy.HealthPaths)})");
                return null;
            }

            await Task.Delay(strategy.HealthInterval, context.Clock, context.Cancellation).ConfigureAwait(false);
        }
    }

    /// <summary>One line: <c>GET /health answered 503 ServiceUnavailable "database unreachable"</c>, or the error instead of an answer.</summary>
    public static string Describe(HttpExchange exchange)
    {
        ArgumentNullException.ThrowIfNull(exchange);
        var request = $"{exchange.Method} {exchange.Url.PathAndQuery}";
        if (exchange.Error is not null)
        {
            return $"{request}: {exchange.Error}";
        }

        var answer = $"{request} answered {(int)exchange.Status!.Value} {exchange.Status}";
        var body = Whitespace().Replace(HttpExchange.Redact(exchange.ResponseBody ?? ""), " ").Trim();
        return body.Length == 0 ? answer : $"{answer} \"{(body.Length > ExcerptLength ? body[..ExcerptLength] + "…" : body)}\"";
    }

    [GeneratedRegex(@"\s+")]
    private static partial Regex Whitespace();
}
