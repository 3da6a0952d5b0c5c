using System.Net;

namespace Pipeline.Delivery.Performance;

/// <summary>How one measured request went wrong, if it did.</summary>
internal enum RequestFailure
{
    None,

    /// <summary>Answered, with another status than the request expects.</summary>
    UnexpectedStatus,

    /// <summary>No answer within the load profile's request timeout.</summary>
    Timeout,

    /// <summary>No connection, or it broke before an answer: refused, reset, a DNS or TLS failure.</summary>
    ConnectionError,
}

/// <summary>One measured request: how long it took (Stopwatch time, to the end of the response body) and how it ended.</summary>
/// <param name="Error">The connection error's message; null otherwise.</param>
internal sealed record RequestSample(PerformanceRequest Request, TimeSpan Latency, HttpStatusCode? Status, RequestFailure Failure, string? Error = null)
{
    public bool IsError => Failure != RequestFailure.None;

    /// <summary>
    /// Whether its time says how fast the service is. A timeout does (it took at least the timeout:
    /// leaving it out would flatter the percentiles); a connection error does not (it fails fast, without the service).
    /// </summary>
    public bool HasLatency => Failure != RequestFailure.ConnectionError;
}
