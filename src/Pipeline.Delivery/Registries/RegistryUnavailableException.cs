namespace Pipeline.Delivery;

/// <summary>The registry answered with a server error (5xx): worth trying again after a pause.</summary>
public sealed class RegistryUnavailableException : Exception
{
    public RegistryUnavailableException(string message)
        : base(message)
    {
    }

    public RegistryUnavailableException(string message, Exception inner)
        : base(message, inner)
    {
    }

    public RegistryUnavailableException()
    {
    }
}
