using System.Globalization;

namespace Pipeline.GitHubActions;

/// <summary>
/// Where a job's steps reach its service containers: on the runner, at the declared port (published
/// on the same host port), or at the host port the runner picked (<see cref="ServiceSpec.RunnerPicksHostPorts"/>),
/// which only <c>job.services.&lt;name&gt;.ports[…]</c> knows.
/// </summary>
internal static class ServicePorts
{
    private const string Host = "localhost";

    /// <summary>A variable the service exposes, as the build step's <c>env:</c> says it.</summary>
    public static string Resolve(ServiceContainer service, ServiceTemplate value, ServiceSettings settings, Func<Parameter<string>, string> secret)
    {
        if (!settings.RunnerPicksHostPorts)
        {
            return value.Resolve(Host, port => port, secret);
        }

        return string.Concat(value.Parts.Select(part => part switch
        {
            ServiceTemplate.PortPart port => $"${{{{ job.services.{service.Name}.ports['{port.ContainerPort.ToString(CultureInfo.InvariantCulture)}'] }}}}",
            _ => new ServiceTemplate([part]).Resolve(Host, p => p, secret),
        }));
    }

    /// <summary>Two services publishing one host port in one job: the second would fail to start.</summary>
    public static void CheckHostPorts(Problems problems, string job, IEnumerable<ServiceContainer> services, Func<string, ServiceSettings> settingsOf)
    {
        var published = services
            .Where(s => !settingsOf(s.Name).RunnerPicksHostPorts)
            .SelectMany(s => s.Ports.Distinct().Select(port => (Port: port, Service: s.Name)));
        foreach (var clash in published.GroupBy(p => p.Port).Where(g => g.Count() > 1))
        {
            var names = clash.Select(c => $"'{c.Service}'").ToList();
            problems.Add($"the job {job}: the service containers {string.Join(" and ", names)} would all publish host port {clash.Key}, so only one could start. " +
                $"Let the runner pick the host port: .Job<{job}>(j => j.Service(<service>, s => s.RunnerPicksHostPorts())).");
        }
    }
}
