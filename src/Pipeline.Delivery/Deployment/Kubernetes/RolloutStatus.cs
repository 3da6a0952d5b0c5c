using k8s.Models;

namespace Pipeline.Delivery;

/// <summary>Where a Deployment's rollout stands.</summary>
internal enum RolloutPhase
{
    Progressing,
    Complete,
    Failed,
}

/// <summary>
/// Reads a Deployment's status the way <c>kubectl rollout status</c> does: complete once the
/// controller has seen the latest spec and every replica is updated and available; failed when
/// the controller reports ProgressDeadlineExceeded.
/// </summary>
internal sealed record RolloutStatus(RolloutPhase Phase, string Description)
{
    public static RolloutStatus Of(V1Deployment deployment)
    {
        var generation = deployment.Metadata?.Generation ?? 0;
        var status = deployment.Status;
        if (status?.ObservedGeneration is not { } observed || observed < generation)
        {
            return new(RolloutPhase.Progressing, $"waiting for the controller to see generation {generation}");
        }

        var deadline = status.Conditions?.FirstOrDefault(c => c.Type == "Progressing" && c.Reason == "ProgressDeadlineExceeded");
        if (deadline is not null)
        {
            return new(RolloutPhase.Failed, $"progress deadline exceeded: {deadline.Message}");
        }

        var replicas = deployment.Spec?.Replicas ?? 1;
        var updated = status.UpdatedReplicas ?? 0;
        var available = status.AvailableReplicas ?? 0;
        var total = status.Replicas ?? 0;
        if (updated < replicas)
        {
            return new(RolloutPhase.Progressing, $"{updated} of {replicas} replicas updated");
        }

        if (total > updated)
        {
            return new(RolloutPhase.Progressing, $"{total - updated} old replicas pending termination");
        }

        if (available < replicas)
        {
            return new(RolloutPhase.Progressing, $"{available} of {replicas} updated replicas available");
        }

        return new(RolloutPhase.Complete, $"{available} of {replicas} replicas available");
    }
}
