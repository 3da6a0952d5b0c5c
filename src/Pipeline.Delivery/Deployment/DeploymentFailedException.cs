namespace Pipeline.Delivery;

/// <summary>A deployment did not complete. The message is for people: what failed, what was seen, what was undone.</summary>
public sealed class DeploymentFailedException(string message, Exception? inner = null) : TargetFailedException(message, inner)
{
    /// <summary>What the environment was left with when the driver undid the deployment (a blue-green switch back), else null.</summary>
    public DeploymentResult? Result { get; init; }
}
