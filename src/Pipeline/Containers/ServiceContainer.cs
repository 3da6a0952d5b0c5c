namespace Pipeline;

/// <summary>
/// A container a target needs while it runs: a database, a cache. The workflow generator writes it
/// as the job's <c>services:</c>; locally it will be started with Testcontainers. Declare it once and
/// pass it to <c>Uses</c>.
/// </summary>
/// <param name="Name">Its host name in the job's network: letters, digits, '-' and '_'.</param>
public sealed record ServiceContainer(string Name, string Image)
{
    public IReadOnlyDictionary<string, string> Environment { get; init; } = new SortedDictionary<string, string>(StringComparer.Ordinal);

    /// <summary>Container ports published on the same port of the host (5432 → 5432:5432).</summary>
    public IReadOnlyList<int> Ports { get; init; } = [];

    public HealthCheck? HealthCheck { get; init; }

    public ServiceContainer WithEnvironment(string name, string value) =>
        this with { Environment = new SortedDictionary<string, string>(Environment.ToDictionary(), StringComparer.Ordinal) { [name] = value } };

    public ServiceContainer WithPorts(params int[] ports) => this with { Ports = [.. Ports, .. ports] };

    public ServiceContainer WithHealthCheck(string command, TimeSpan? interval = null, TimeSpan? timeout = null, int retries = 5) =>
        this with { HealthCheck = new HealthCheck(command, interval ?? TimeSpan.FromSeconds(10), timeout ?? TimeSpan.FromSeconds(5), retries) };

    public bool Equals(ServiceContainer? other) =>
        other is not null && Name == other.Name && Image == other.Image && Ports.SequenceEqual(other.Ports) &&
        Environment.OrderBy(e => e.Key).SequenceEqual(other.Environment.OrderBy(e => e.Key)) && HealthCheck == other.HealthCheck;

    public override int GetHashCode() => HashCode.Combine(Name, Image);
}

/// <summary>A command run inside the container until it succeeds; the target starts once it does.</summary>
public sealed record HealthCheck(string Command, TimeSpan Interval, TimeSpan Timeout, int Retries);
