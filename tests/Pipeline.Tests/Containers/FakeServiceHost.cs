namespace Pipeline.Tests.Containers;

/// <summary>
/// Stands in for a container engine: "starts" services by recording them, publishes each container
/// port on port + 40000 of 127.0.0.1, and records when they are stopped. Shares one ordered log
/// with the targets of a test, so tests assert on order without timing.
/// </summary>
public sealed class FakeServiceHost(List<string> events, Exception? failStart = null) : IServiceContainerHost
{
    public const int PortOffset = 40000;

    public List<ServiceToStart> Started { get; } = [];

    public int Stopped { get; private set; }

    public Task<IRunningServices> StartAsync(IReadOnlyList<ServiceToStart> services, TargetLog log, CancellationToken cancellation)
    {
        lock (events)
        {
            events.Add("start " + string.Join(",", services.Select(s => s.Container.Name)));
        }

        if (failStart is not null)
        {
            throw failStart;
        }

        Started.AddRange(services);
        return Task.FromResult<IRunningServices>(new Running(this, services));
    }

    private void Stop(IEnumerable<ServiceToStart> services)
    {
        lock (events)
        {
            events.Add("stop " + string.Join(",", services.Select(s => s.Container.Name)));
            Stopped++;
        }
    }

    private sealed class Running(FakeServiceHost host, IReadOnlyList<ServiceToStart> services) : IRunningServices
    {
        public ServiceEndpoint EndpointOf(ServiceContainer service) =>
            new("127.0.0.1", service.Ports.ToDictionary(p => p, p => p + PortOffset));

        public ValueTask DisposeAsync()
        {
            host.Stop(services);
            return ValueTask.CompletedTask;
        }
    }
}
