namespace Pipeline.Delivery;

/// <summary>Where and how the Kubernetes driver deploys: a Deployment and a Service in one namespace.</summary>
/// <param name="Namespace">The namespace both objects live in (it must exist).</param>
/// <param name="ContainerPort">The port the application listens on inside its container.</param>
public sealed record KubernetesSettings(string Namespace, int ContainerPort)
{
    public KubernetesConnection Connection { get; init; } = KubernetesConnection.FromKubeconfig();

    public int Replicas { get; init; } = 1;

    /// <summary>The Service's port; it forwards to <see cref="ContainerPort"/>.</summary>
    public int ServicePort { get; init; } = 80;

    /// <summary>How long the new pods have to become available before the rollout is undone.</summary>
    public TimeSpan RolloutTimeout { get; init; } = TimeSpan.FromMinutes(5);

    public TimeSpan PollInterval { get; init; } = TimeSpan.FromSeconds(2);

    /// <summary>Where people reach the application (an ingress); otherwise the Service's cluster address is reported.</summary>
    public Uri? PublicUrl { get; init; }

    /// <summary>
    /// Blue-green only: where this runner reaches one colour before it takes the traffic. By default the
    /// colour's own Service (<c>&lt;application&gt;-blue</c>) at its cluster address, which a runner
    /// inside the cluster reaches; give a preview ingress's address otherwise.
    /// </summary>
    public Func<DeploymentColor, Uri>? ColorUrl { get; init; }

    /// <summary>Server-side apply's field manager: who owns the fields this driver sets.</summary>
    public string FieldManager { get; init; } = "pipeline";
}
