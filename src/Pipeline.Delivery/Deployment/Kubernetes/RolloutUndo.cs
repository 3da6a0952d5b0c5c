using System.Globalization;
using k8s;
using k8s.Models;

namespace Pipeline.Delivery;

/// <summary>
/// Rolls a Deployment back to its previous revision as <c>kubectl rollout undo</c> does: finds the
/// ReplicaSet with the highest <c>deployment.kubernetes.io/revision</c> below the current one and
/// re-applies its pod template (without the controller's <c>pod-template-hash</c> label).
/// </summary>
internal sealed class RolloutUndo(IKubernetes client, KubernetesSettings settings, TargetLog log)
{
    public const string RevisionAnnotation = "deployment.kubernetes.io/revision";
    private const string PodTemplateHashLabel = "pod-template-hash";

    /// <summary>Rolls back and returns one sentence saying what was done.</summary>
    public async Task<string> UndoAsync(Deployment request, V1Deployment failed, CancellationToken cancellation)
    {
        var current = await client.AppsV1.ReadNamespacedDeploymentAsync(failed.Metadata.Name, settings.Namespace, cancellationToken: cancellation).ConfigureAwait(false);
        var currentRevision = RevisionOf(current.Metadata);
        var sets = await client.AppsV1.ListNamespacedReplicaSetAsync(
            settings.Namespace, labelSelector: RolloutDiagnostics.LabelSelector(current), cancellationToken: cancellation).ConfigureAwait(false);
        var previous = sets.Items
            .Where(rs => IsOwnedBy(rs, current))
            .Select(rs => (Set: rs, Revision: RevisionOf(rs.Metadata)))
            .Where(r => r.Revision is not null && r.Revision < currentRevision)
            .OrderByDescending(r => r.Revision)
            .FirstOrDefault();
        if (previous.Set is null)
        {
            log.Error($"No revision before {currentRevision} to roll back to: this was the first rollout.");
            return "There is no previous revision to roll back to.";
        }

        var template = previous.Set.Spec.Template;
        template.Metadata?.Labels?.Remove(PodTemplateHashLabel);
        var image = KubernetesManifests.ImageOf(template);
        log.Warning($"Rolling back deployment/{current.Metadata.Name} to revision {previous.Revision} (image {image})");
        await KubernetesDriver.ApplyDeploymentAsync(client, settings, KubernetesManifests.Deployment(request, settings, template), cancellation).ConfigureAwait(false);
        return $"Rolled back to revision {previous.Revision} (image {image}).";
    }

    private static long? RevisionOf(V1ObjectMeta? metadata) =>
        metadata?.Annotations?.TryGetValue(RevisionAnnotation, out var text) == true
        && long.TryParse(text, NumberStyles.None, CultureInfo.InvariantCulture, out var revision) ? revision : null;

    private static bool IsOwnedBy(V1ReplicaSet set, V1Deployment deployment) =>
        deployment.Metadata.Uid is null
        || set.Metadata.OwnerReferences?.Any(o => o.Uid == deployment.Metadata.Uid) == true;
}
