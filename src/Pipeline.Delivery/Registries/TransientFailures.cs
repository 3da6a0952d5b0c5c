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
        "unauthorized", "authentication required", "denied", "forbidden", "incorrect username or password",
    ];

    // 401 and 403 as numbers of their own: a registry on port 44401 or a digest holding "403" is not a refusal.
    private static readonly System.Text.RegularExpressions.Regex AuthenticationStatus = new("(?<![0-9])40[13](?![0-9])");

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
        return !AuthenticationMarkers.Any(text.Contains) && !AuthenticationStatus.IsMatch(text) && NetworkMarkers.Any(text.Contains);
    }
}
