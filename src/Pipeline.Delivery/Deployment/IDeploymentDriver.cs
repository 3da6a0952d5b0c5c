namespace Pipeline.Delivery;

/// <summary>
/// One way to put an image into an environment (Kubernetes, a GitOps repository, a local Docker
/// container). Drivers are idempotent: deploying what already runs reports
/// <see cref="DeploymentOutcome.Unchanged"/> and changes nothing.
/// </summary>
public interface IDeploymentDriver
{
    /// <summary>A short name for logs: "kubernetes", "gitops", "local docker".</summary>
    string Name { get; }

    /// <summary>Deploys, waits until the new version runs (or is committed), and says where it answers.</summary>
    /// <exception cref="DeploymentFailedException">The deployment did not complete; the message says why.</exception>
    Task<DeploymentResult> DeployAsync(Deployment request, TargetContext context);
}
