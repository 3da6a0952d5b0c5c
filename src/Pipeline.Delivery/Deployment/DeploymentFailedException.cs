namespace Pipeline.Delivery;

/// <summary>A deployment did not complete. The message is for people: what failed, what was seen, what was undone.</summary>
public sealed class DeploymentFailedException(string message, Exception? inner = null) : TargetFailedException(message, inner);
