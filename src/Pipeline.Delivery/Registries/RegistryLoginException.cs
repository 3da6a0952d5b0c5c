namespace Pipeline.Delivery;

/// <summary>A registry refused the credentials (or they could not be obtained). Never retried; the message holds no secret.</summary>
public sealed class RegistryLoginException : Exception
{
    public RegistryLoginException(string message)
        : base(message)
    {
    }

    public RegistryLoginException(string message, Exception inner)
        : base(message, inner)
    {
    }

    public RegistryLoginException()
    {
    }
}
