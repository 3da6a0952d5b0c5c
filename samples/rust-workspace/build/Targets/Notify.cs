using Pipeline;
using Pipeline.Components.Notifications;

namespace RustWorkspace.Build;

/// <summary>The run's summary to the team's Slack webhook (NOTIFICATION_WEBHOOK), whatever happened before it.</summary>
public sealed class Notify : NotifyTarget
{
    protected override void Extend(TargetSpec target) => target.DependsOn<Smoke>().DependsOn<QualityReport>();
}
