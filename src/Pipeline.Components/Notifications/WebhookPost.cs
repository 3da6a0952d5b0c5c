using System.Net;
using System.Text;

namespace Pipeline.Components.Notifications;

/// <summary>
/// Posts JSON to a webhook. Answers 5xx and 429, and failures to connect, are retried with doubling
/// waits (a 429's <c>Retry-After</c> when it gives one); any other refusal fails at once. Nothing it
/// logs contains the URL, which is the webhook's credential.
/// </summary>
internal static class WebhookPost
{
    private static readonly TimeSpan RequestTimeout = TimeSpan.FromSeconds(30);
    private static readonly TimeSpan LongestRetryAfter = TimeSpan.FromSeconds(30);
    private const int BodyShown = 200;

    public static async Task SendAsync(TargetContext context, Uri webhook, string json, int attempts, TimeSpan firstDelay)
    {
        using var client = new HttpClient { Timeout = RequestTimeout };
        for (var attempt = 1; ; attempt++)
        {
            var (failure, transient, retryAfter) = await TryAsync(client, webhook, json, context.Cancellation);
            if (failure is null)
            {
                return;
            }

            if (!transient || attempt >= attempts)
            {
                throw new TargetFailedException($"the webhook answered {failure}" + (attempt > 1 ? $" (attempt {attempt} of {attempts})" : ""));
            }

            var delay = retryAfter ?? firstDelay * Math.Pow(2, attempt - 1);
            context.Log.Warning($"Posting the notification: attempt {attempt} of {attempts} failed ({failure}); retrying in {delay.TotalSeconds:0.##} s");
            await Task.Delay(delay, context.Clock, context.Cancellation);
        }
    }

    private static async Task<(string? Failure, bool Transient, TimeSpan? RetryAfter)> TryAsync(
        HttpClient client, Uri webhook, string json, CancellationToken cancellation)
    {
        try
        {
            using var content = new StringContent(json, Encoding.UTF8, "application/json");
            using var response = await client.PostAsync(webhook, content, cancellation);
            if (response.IsSuccessStatusCode)
            {
                return (null, false, null);
            }

            var body = (await response.Content.ReadAsStringAsync(cancellation)).Split('\n')[0].Trim();
            var status = (int)response.StatusCode;
            var failure = $"{status} ({response.ReasonPhrase})" + (body.Length > 0 ? ": " + body[..Math.Min(body.Length, BodyShown)] : "");
            var retryAfter = response.StatusCode == HttpStatusCode.TooManyRequests && response.Headers.RetryAfter?.Delta is { } delta
                ? TimeSpan.FromTicks(Math.Min(delta.Ticks, LongestRetryAfter.Ticks))
                : (TimeSpan?)null;
            return (failure, status >= 500 || response.StatusCode == HttpStatusCode.TooManyRequests, retryAfter);
        }
        catch (HttpRequestException e)
        {
            // Its message names the host at most (never the path, which holds the credential).
            return ($"no answer: {e.HttpRequestError}", true, null);
        }
        catch (TaskCanceledException) when (!cancellation.IsCancellationRequested)
        {
            return ($"no answer within {RequestTimeout.TotalSeconds:0} s", true, null);
        }
    }
}
