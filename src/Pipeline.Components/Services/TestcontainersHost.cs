using System.Globalization;
using Docker.DotNet.Models;
using DotNet.Testcontainers.Builders;
using DotNet.Testcontainers.Containers;

namespace Pipeline.Components.Services;

/// <summary>
/// Starts service containers with Testcontainers on the local Docker engine: each declared port on
/// a random port of 127.0.0.1, the container's variables, and a wait until its health check command
/// succeeds inside it and its ports answer. Containers carry the labels <see cref="ServiceLabel"/>
/// and <see cref="TargetLabel"/> (plus any given), and are removed when the target ends.
/// </summary>
/// <param name="variables">Where image overrides are read (<see cref="ServiceImages.Local"/>).</param>
/// <param name="labels">Extra labels on every container, e.g. to find them again.</param>
internal sealed class TestcontainersHost(IReadOnlyDictionary<string, string> variables, IReadOnlyDictionary<string, string>? labels = null)
    : IServiceContainerHost
{
    public const string ServiceLabel = "dev.pipeline.service";

    public const string TargetLabel = "dev.pipeline.target";

    private static readonly TimeSpan MinimumWait = TimeSpan.FromSeconds(60);

    public async Task<IRunningServices> StartAsync(IReadOnlyList<ServiceToStart> services, TargetLog log, CancellationToken cancellation)
    {
        ArgumentNullException.ThrowIfNull(services);
        ArgumentNullException.ThrowIfNull(log);
        var running = new RunningContainers();
        try
        {
            foreach (var service in services)
            {
                var image = ServiceImages.Local(service.Container.Image, variables);
                var container = Build(service, image, log);
                running.Add(service.Container, container); // before starting: a failed start is removed too
                await container.StartAsync(cancellation).ConfigureAwait(false);
                var ports = service.Container.Ports.Distinct().Select(p => $"{p} → {container.Hostname}:{container.GetMappedPublicPort(p)}");
                log.Info($"Service {service.Container.Name} ({image}) is ready{(service.Container.Ports.Count > 0 ? ": " + string.Join(", ", ports) : "")}");
            }

            return running;
        }
        catch
        {
            await running.DisposeAsync().ConfigureAwait(false);
            throw;
        }
    }

    private IContainer Build(ServiceToStart service, string image, TargetLog log)
    {
        var declared = service.Container;
        var wait = Wait.ForUnixContainer();
        if (declared.HealthCheck is { } health)
        {
            // As GitHub's runner does: the command in a shell, retried until it succeeds.
            var limit = TimeSpan.FromTicks(Math.Max(MinimumWait.Ticks, (health.Interval + health.Timeout).Ticks * health.Retries));
            wait = wait.UntilCommandIsCompleted(["/bin/sh", "-c", health.Command], o => o.WithTimeout(limit).WithInterval(TimeSpan.FromMilliseconds(500)));
        }

        foreach (var port in declared.Ports.Distinct())
        {
            wait = wait.UntilExternalTcpPortIsAvailable(port, o => o.WithTimeout(MinimumWait));
        }

        var builder = new ContainerBuilder(image)
            .WithEnvironment(service.Environment)
            .WithLabel(ServiceLabel, declared.Name)
            .WithLabel(TargetLabel, service.TargetName)
            .WithWaitStrategy(wait)
            .WithLogger(new TargetLogLogger(log))
            .WithCreateParameterModifier(OnLoopbackOnly);
        foreach (var label in labels ?? new Dictionary<string, string>())
        {
            builder = builder.WithLabel(label.Key, label.Value);
        }

        foreach (var port in declared.Ports.Distinct())
        {
            builder = builder.WithPortBinding(port, assignRandomHostPort: true);
        }

        return builder.Build();
    }

    // Published ports listen on 127.0.0.1 only: a test database is no business of the network.
    private static void OnLoopbackOnly(CreateContainerParameters parameters)
    {
        foreach (var binding in parameters.HostConfig?.PortBindings?.Values.SelectMany(b => b) ?? [])
        {
            binding.HostIP = "127.0.0.1";
        }
    }

    private sealed class RunningContainers : IRunningServices
    {
        private readonly List<(ServiceContainer Service, IContainer Container)> _containers = [];

        public void Add(ServiceContainer service, IContainer container) => _containers.Add((service, container));

        public ServiceEndpoint EndpointOf(ServiceContainer service)
        {
            var container = _containers.First(c => c.Service.Equals(service)).Container;
            return new ServiceEndpoint(
                container.Hostname,
                service.Ports.Distinct().ToDictionary(p => p, p => (int)container.GetMappedPublicPort(p)));
        }

        /// <summary>Stops and removes every container, the last started first; reports the first failure after trying all.</summary>
        public async ValueTask DisposeAsync()
        {
            var failures = new List<Exception>();
            for (var i = _containers.Count - 1; i >= 0; i--)
            {
                try
                {
                    await _containers[i].Container.DisposeAsync().ConfigureAwait(false);
                }
                catch (Exception e) when (e is not OutOfMemoryException)
                {
                    failures.Add(e);
                }
            }

            _containers.Clear();
            if (failures.Count > 0)
            {
                throw new AggregateException(
                    string.Create(CultureInfo.InvariantCulture, $"{failures.Count} service {(failures.Count == 1 ? "container" : "containers")} could not be removed"), failures);
            }
        }
    }
}
