namespace Pipeline.Components.Notifications;

/// <summary>
/// Posts the run's summary — failed or succeeded, what failed and why, how long it took, each target,
/// and under GitHub Actions links to the run and the commit — to a webhook as Slack-compatible JSON
/// (<c>text</c> and <c>blocks</c>). It runs after what it follows even when that failed
/// (<c>AssuredAfterFailure</c>; CI: <c>if: always()</c>) and tells the whole run (<c>ReportsOnRun</c>: in CI
/// its job waits for every other job and hears how each ended), and a notification that cannot be delivered is
/// a warning, never a failed run. The webhook URL is the secret <see cref="NotifyParameters.NotificationWebhook"/>;
/// without it nothing is posted.
/// <code>
/// public sealed class Notify : NotifyTarget
/// {
///     protected override void Extend(TargetSpec target) => target.DependsOn&lt;Smoke&gt;().DependsOn&lt;Scan&gt;();
/// }
/// </code>
/// </summary>
public abstract class NotifyTarget : Target
{
    /// <summary>The secret parameter holding the webhook URL.</summary>
    protected virtual Parameter<string> Webhook => NotifyParameters.NotificationWebhook;

    /// <summary>Tries in all when the webhook answers 5xx or 429, or does not answer.</summary>
    protected virtual int Attempts => 4;

    /// <summary>The wait before the second try; it doubles after each.</summary>
    protected virtual TimeSpan FirstRetryDelay => TimeSpan.FromSeconds(1);

    /// <summary>Declares that it runs after failures, reports on the whole run, that its own failure only warns, and the webhook secret; then what <see cref="Extend"/> adds.</summary>
    protected sealed override void Configure(TargetSpec target)
    {
        target
            .Description("Posts the run's summary to a webhook (Slack-compatible), also after a failure")
            .AssuredAfterFailure()
            .ReportsOnRun()
            .WarningOnly()
            .Reads(Webhook);
        Extend(target);
    }

    /// <summary>
    /// What this pipeline adds to the notification: above all what it follows (it tells about the targets
    /// that finished before it). Called after the base's declarations, which it cannot drop.
    /// <code>protected override void Extend(TargetSpec target) => target.DependsOn&lt;Smoke&gt;();</code>
    /// </summary>
    protected virtual void Extend(TargetSpec target)
    {
    }

    protected override async Task RunAsync(TargetContext context)
    {
        IParameter webhook = Webhook;
        if (!context.Parameters.TryGet(Webhook, out var url) || string.IsNullOrWhiteSpace(url))
        {
            context.Log.Info($"No webhook: set {webhook.EnvironmentName} (or {webhook.OptionName}) to post the run's summary.");
            return;
        }

        if (!Uri.TryCreate(url.Trim(), UriKind.Absolute, out var uri) || uri.Scheme is not ("https" or "http"))
        {
            throw new TargetFailedException($"{webhook.EnvironmentName} is not an http(s) URL."); // the value itself is the secret: not shown
        }

        var message = RunMessage.Of(context.RunSoFar, context.GitHub);
        await WebhookPost.SendAsync(context, uri, message.ToJson(), Attempts, FirstRetryDelay);
        context.Log.Info($"Posted the run's summary to the webhook: {message.Status}.");
    }
}
