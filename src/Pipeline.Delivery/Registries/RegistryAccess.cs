using System.Net;

namespace Pipeline.Delivery;

/// <summary>
/// A registry ready to push to: its host (the <c>docker login</c> server and image prefix), the
/// namespace images go under, and the credentials (null: anonymous, as the local registry is).
/// </summary>
public sealed record RegistryAccess(string Host, string? Namespace, RegistryCredentials? Credentials)
{
    /// <summary>The remote reference of an image: <c>ghcr.io/acme/api:1.2.3</c>, <c>127.0.0.1:5000/api:abc1234</c>.</summary>
    public ImageReference ImageFor(string name, string tag) =>
        new(Host, Namespace is null ? name : Namespace.TrimEnd('/') + "/" + name, tag, null);

    /// <summary>
    /// Where the registry's HTTP API answers: plain HTTP on loopback (as Docker itself allows), HTTPS
    /// elsewhere; Docker Hub's API lives on its own host.
    /// </summary>
    public Uri ApiBase
    {
        get
        {
            var host = Host is "docker.io" or "index.docker.io" ? "registry-1.docker.io" : Host;
            return new Uri((IsLoopback(host) ? "http://" : "https://") + host + "/");
        }
    }

    private static bool IsLoopback(string host)
    {
        var name = host.StartsWith('[') ? host[1..host.IndexOf(']', StringComparison.Ordinal)] : host.Split(':')[0];
        return name == "localhost" || (IPAddress.TryParse(name, out var address) && IPAddress.IsLoopback(address));
    }
}
