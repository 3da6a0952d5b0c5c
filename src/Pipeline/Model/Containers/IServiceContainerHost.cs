namespace Pipeline;

/// <summary>
/// Starts the service containers a target uses, on a local run (in GitHub Actions the runner starts
/// the job's <c>services:</c> instead). Register one on the pipeline, for example with
/// <c>.UseTestcontainers()</c> from Pipeline.Components, or with <c>.Service&lt;IServiceContainerHost&gt;(…)</c>.
/// </summary>
public interface IServiceContainerHost
{
    /// <summary>
    /// Starts every service and returns once each is healthy. If one cannot start, the ones already
    /// started are stopped before the exception leaves.
    /// </summary>
    Task<IRunningServices> StartAsync(IReadOnlyList<ServiceToStart> services, TargetLog log, CancellationToken cancellation);
}

/// <summary>A service to start, with its container variables resolved (secrets included: never log them).</summary>
/// <param name="TargetName">The target it is started for, to name or label the container.</param>
public sealed record ServiceToStart(ServiceContainer Container, IReadOnlyDictionary<string, string> Environment, string TargetName);

/// <summary>Services started for one target; disposing stops and removes them.</summary>
public interface IRunningServices : IAsyncDisposable
{
    /// <summary>Where the target reaches <paramref name="service"/>.</summary>
    ServiceEndpoint EndpointOf(ServiceContainer service);
}

/// <summary>Where a started service is reached: its host, and the host port of each published container port.</summary>
public sealed record ServiceEndpoint(string Host, IReadOnlyDictionary<int, int> Ports)
{
    /// <summary>The GitHub Actions case: every declared port published on the same port of the runner.</summary>
    public static ServiceEndpoint SamePorts(ServiceContainer service, string host = "localhost")
    {
        ArgumentNullException.ThrowIfNull(service);
        return new(host, service.Ports.Distinct().ToDictionary(p => p, p => p));
    }

    public int HostPort(int containerPort) =>
        Ports.TryGetValue(containerPort, out var port)
            ? port
            : throw new InvalidOperationException($"Container port {containerPort} is not published; publish it with .WithPorts({containerPort}).");
}
