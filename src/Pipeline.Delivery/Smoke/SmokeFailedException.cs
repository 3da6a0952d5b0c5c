namespace Pipeline.Delivery;

/// <summary>A smoke step did not get what it expected; carries the exchange that showed it.</summary>
public sealed class SmokeFailedException(string message, HttpExchange? exchange = null) : TargetFailedException(message)
{
    public HttpExchange? Exchange { get; } = exchange;
}
