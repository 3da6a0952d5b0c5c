namespace Pipeline.Delivery;

/// <summary>The registry answered with a server error (5xx): worth trying again after a pause.</summary>
public sealed class RegistryUnavailableException(string message, Exception? inner = null) : TargetFailedException(message, inner);
