namespace Pipeline.Components.Notifications;

/// <summary>The parameters a notification reads.</summary>
public static class NotifyParameters
{
    /// <summary>
    /// Where the run's summary is posted: a Slack incoming webhook, or anything that takes its JSON
    /// (<c>NOTIFICATION_WEBHOOK</c>). A secret: the URL is its own credential, so it is never shown.
    /// </summary>
    public static readonly Parameter<string> NotificationWebhook = Parameter.Secret("Webhook URL (Slack-compatible) the run's summary is posted to");
}
