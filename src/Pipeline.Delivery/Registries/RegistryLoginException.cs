namespace Pipeline.Delivery;

/// <summary>A registry refused the credentials (or they could not be obtained). Never retried; the message holds no secret.</summary>
public sealed class RegistryLoginException(string message, Exception? inner = null) : TargetFailedException(message, inner);
