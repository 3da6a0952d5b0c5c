using k8s;
using k8s.Models;

namespace Pipeline.Delivery;

/// <summary>
/// Prints why a rollout is stuck: each pod of the Deployment with its phase and the waiting or
/// terminated reasons of its containers (ImagePullBackOff, CrashLoopBackOff…), then the pods' events.
/// </summary>
internal sealed class RolloutDiagnostics(IKubernetes client, string ns, TargetLog log)
{
    public async Task PrintAsync(V1Deployment deployment, CancellationToken cancellation)
    {
        var selector = LabelSelector(deployment);
        var pods = await client.CoreV1.ListNamespacedPodAsync(ns, labelSelector: selector, cancellationToken: cancellation).ConfigureAwait(false);
        log.Error($"Pods of deployment/{deployment.Metadata.Name} ({selector}):");
        foreach (var pod in pods.Items)
        {
            log.Error($"  pod/{pod.Metadata.Name}: {pod.Status?.Phase ?? "Unknown"}");
            foreach (var container in pod.Status?.ContainerStatuses ?? [])
            {
                log.Error($"    {container.Name} ({container.Image}): {Describe(container)}");
            }
        }

        var names = pods.Items.Select(p => p.Metadata.Name).ToHashSet(StringComparer.Ordinal);
        var events = await client.CoreV1.ListNamespacedEventAsync(ns, fieldSelector: "involvedObject.kind=Pod", cancellationToken: cancellation).ConfigureAwait(false);
        var related = events.Items.Where(e => names.Contains(e.InvolvedObject.Name)).OrderBy(e => e.LastTimestamp ?? e.EventTime).ToList();
        log.Error(related.Count == 0 ? "No events for these pods." : "Events:");
        foreach (var e in related)
        {
            log.Error($"  {e.Type} {e.Reason} pod/{e.InvolvedObject.Name}: {e.Message}");
        }
    }

    /// <summary>The Deployment's selector as a label-selector query: <c>app.kubernetes.io/name=api</c>.</summary>
    public static string LabelSelector(V1Deployment deployment) =>
        string.Join(',', (deployment.Spec?.Selector?.MatchLabels ?? new Dictionary<string, string>()).Select(l => $"{l.Key}={l.Value}"));

    private static string Describe(V1ContainerStatus container) => container.State switch
    {
        { Waiting: { } waiting } => $"waiting: {waiting.Reason}{(waiting.Message is null ? "" : " - " + waiting.Message)}",
        { Terminated: { } ended } => $"terminated: {ended.Reason} (exit code {ended.ExitCode})",
        { Running: not null } => container.Ready ? "running, ready" : "running, not ready",
        _ => "unknown state",
    } + (container.RestartCount > 0 ? $", {container.RestartCount} restarts" : "");
}
