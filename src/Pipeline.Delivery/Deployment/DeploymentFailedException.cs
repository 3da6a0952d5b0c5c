namespace Pipeline.Delivery;

/// <summary>A deployment did not complete. The message is for people: what failed, what was seen, what was undone.</summary>
public sealed class DeploymentFailedException : Exception
{
    public DeploymentFailedException()
    {
    }

    public DeploymentFailedException(string message)
        : base(message)
    {
    }

    public DeploymentFailedException(string message, Exception inner)
        : base(message, inner)
    {
    }
}
