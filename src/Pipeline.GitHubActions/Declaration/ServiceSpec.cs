namespace Pipeline.GitHubActions;

/// <summary>
/// The CI-only settings of one service container of a job (<see cref="JobSpec.Service"/>): where
/// its ports are published and keys the typed API does not model.
/// </summary>
public sealed class ServiceSpec
{
    private readonly RawKeys _raw = new();
    private bool _runnerPicksHostPorts;

    internal ServiceSpec()
    {
    }

    /// <summary>
    /// Publishes each container port on a host port the runner chooses (<c>ports: [5432]</c>), so two
    /// services of one job may use the same container port. The variables the service exposes read
    /// it as <c>${{ job.services.&lt;name&gt;.ports['5432'] }}</c>, as a local run reads the mapped port.
    /// </summary>
    public ServiceSpec RunnerPicksHostPorts()
    {
        _runnerPicksHostPorts = true;
        return this;
    }

    /// <summary>A key the typed API does not model (<c>credentials</c>, <c>volumes</c>…), written after the typed ones.</summary>
    public ServiceSpec Raw(string key, object? value)
    {
        _raw.Add(key, value);
        return this;
    }

    internal ServiceSettings ToSettings() => new(_runnerPicksHostPorts, _raw.ToList());
}

/// <summary>What a <see cref="ServiceSpec"/> declared.</summary>
internal sealed record ServiceSettings(bool RunnerPicksHostPorts, IReadOnlyList<RawKey> Raw)
{
    public static ServiceSettings Default { get; } = new(false, []);
}
