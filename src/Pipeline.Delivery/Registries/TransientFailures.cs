using System.Net.Sockets;

namespace Pipeline.Delivery;

/// <summary>
/// Tells a failure worth retrying (the registry is down, overloaded or the network dropped) from one
/// that will fail the same way again (wrong credentials, no permission, no such image).
/// </summary>
internal static class TransientFailures
{
    private static readonly string[] AuthenticationMarkers =
    [
        "unauthorized", "authentication required", "denied", "forbidden", "401", "403", "incorrect username or password",
    ];

    private static readonly string[] NetworkMarkers =
    [
        "connection refused", "connection reset", "i/o timeout", "tls handshake timeout", "no such host", "broken pipe",
        "unexpected eof", ": eof", "service unavailable", "bad gateway", "gateway timeout", "internal server error",
        "500 ", "502 ", "503 ", "504 ", "received unexpected http status: 5", "timeout exceeded", "net/http:",
    ];

    public static bool IsTransient(Exception failure) => failure switch
    {
        RegistryLoginException => false,
        RegistryUnavailableException => true,
        HttpRequestException http => http.StatusCode is null || (int)http.StatusCode >= 500,
        SocketException => true,
        TimeoutException => true,
        ProcessFailedException process => IsTransientDockerOutput(process.LastLines),
        _ => false,
    };

    /// <summary>Reads what <c>docker push</c> printed: authentication errors first, then network errors.</summary>
    public static bool IsTransientDockerOutput(IEnumerable<string> lines)
    {
        var text = string.Join('\n', lines).ToLowerInvariant();
        return !AuthenticationMarkers.Any(text.Contains) && NetworkMarkers.Any(text.Contains);
    }
}
