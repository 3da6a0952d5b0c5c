namespace Pipeline.Delivery;

/// <summary>
/// How a deploy replaces what runs: <see cref="Rolling"/> (the default: the driver updates the one
/// Deployment or container in place) or <see cref="BlueGreen"/> (the new version starts beside the
/// live one and traffic is switched only once it is healthy). A deploy target picks one:
/// <code>protected override DeploymentStrategy Strategy => DeploymentStrategy.BlueGreen with { HealthPaths = ["/healthz"] };</code>
/// </summary>
public abstract record DeploymentStrategy
{
    private protected DeploymentStrategy()
    {
    }

    /// <summary>Replace in place: Kubernetes rolls the Deployment, local Docker replaces the container.</summary>
    public static RollingStrategy Rolling { get; } = new();

    /// <summary>Two colours side by side, a health-checked switch and an automatic switch back.</summary>
    public static BlueGreenStrategy BlueGreen { get; } = new();
}

/// <summary>The drivers' own update in place (a Kubernetes rolling update, a replaced container).</summary>
public sealed record RollingStrategy : DeploymentStrategy;
