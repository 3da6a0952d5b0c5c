namespace Pipeline;

/// <summary>
/// A container a target needs while it runs: a database, a cache. The workflow generator writes it
/// as the job's <c>services:</c>; locally an <see cref="IServiceContainerHost"/> starts it (see
/// <c>UseTestcontainers()</c> in Pipeline.Components). Declare it once and pass it to <c>Uses</c>.
/// <code>
/// static readonly ServiceContainer Postgres = new ServiceContainer("postgres", "postgres:16-alpine")
///     .WithEnvironment("POSTGRES_PASSWORD", "app")
///     .WithPorts(5432)
///     .WithHealthCheck("pg_isready -h 127.0.0.1 -U postgres")
///     .Exposes("DATABASE_URL", "Host={host};Port={5432};Username=postgres;Password=app");
/// </code>
/// </summary>
/// <param name="Name">Its host name in the job's network: letters, digits, '-' and '_'.</param>
public sealed record ServiceContainer(string Name, string Image)
{
    public IReadOnlyDictionary<string, string> Environment { get; init; } = new SortedDictionary<string, string>(StringComparer.Ordinal);

    /// <summary>Container variables whose values are secret parameters: never written anywhere, read from the run's values.</summary>
    public IReadOnlyDictionary<string, Parameter<string>> SecretEnvironment { get; init; } =
        new SortedDictionary<string, Parameter<string>>(StringComparer.Ordinal);

    /// <summary>Container ports published on the same port of the host (5432 → 5432:5432).</summary>
    public IReadOnlyList<int> Ports { get; init; } = [];

    public HealthCheck? HealthCheck { get; init; }

    /// <summary>
    /// The variables a target using this service gets (its connection settings), in declaration
    /// order. Locally their ports are the published host ports; in CI the same declared ports.
    /// </summary>
    public IReadOnlyList<ServiceVariable> Variables { get; init; } = [];

    /// <summary>The secret parameters this service reads: a target using it requires them.</summary>
    public IEnumerable<IParameter> Secrets =>
        SecretEnvironment.Values.Concat(Variables.SelectMany(v => v.Value.Parameters)).Distinct();

    public ServiceContainer WithEnvironment(string name, string value) =>
        this with { Environment = new SortedDictionary<string, string>(Environment.ToDictionary(), StringComparer.Ordinal) { [name] = value } };

    /// <summary>A container variable from a secret parameter (CI: <c>${{ secrets.NAME }}</c>).</summary>
    public ServiceContainer WithEnvironment(string name, Parameter<string> secret)
    {
        ServiceTemplate.RequireSecret(secret);
        return this with
        {
            SecretEnvironment = new SortedDictionary<string, Parameter<string>>(SecretEnvironment.ToDictionary(), StringComparer.Ordinal) { [name] = secret },
        };
    }

    public ServiceContainer WithPorts(params int[] ports) => this with { Ports = [.. Ports, .. ports] };

    public ServiceContainer WithHealthCheck(string command, TimeSpan? interval = null, TimeSpan? timeout = null, int retries = 5) =>
        this with { HealthCheck = new HealthCheck(command, interval ?? TimeSpan.FromSeconds(10), timeout ?? TimeSpan.FromSeconds(5), retries) };

    /// <summary>
    /// Gives targets that use this service the variable <paramref name="name"/>. In the value,
    /// <c>{5432}</c> stands for where container port 5432 is reachable from the target and
    /// <c>{host}</c> for the host name; for a secret, pass an interpolated string instead:
    /// <c>$"Password={DbPassword}"</c>. Ports must be declared with <see cref="WithPorts"/>.
    /// </summary>
    public ServiceContainer Exposes(string name, ServiceTemplate value)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(name);
        ArgumentNullException.ThrowIfNull(value);
        if (char.IsAsciiDigit(name[0]) || !name.All(c => char.IsAsciiLetterOrDigit(c) || c == '_'))
        {
            throw new ArgumentException($"'{name}' is not a variable name: use letters, digits and '_', not starting with a digit.", nameof(name));
        }

        foreach (var port in value.Ports.Where(p => !Ports.Contains(p)))
        {
            throw new ArgumentException($"The service '{Name}' exposes {name} with port {port}, which it does not publish: add .WithPorts({port}) first.", nameof(value));
        }

        return this with { Variables = [.. Variables.Where(v => v.Name != name), new ServiceVariable(name, value)] };
    }

    /// <inheritdoc cref="Exposes(string, ServiceTemplate)"/>
    public ServiceContainer Exposes(string name, string value) => Exposes(name, ServiceTemplate.Parse(value));

    /// <inheritdoc cref="Exposes(string, ServiceTemplate)"/>
    public ServiceContainer Exposes(string name, ref ServiceTemplateBuilder value) => Exposes(name, value.Build());

    public bool Equals(ServiceContainer? other) =>
        other is not null && Name == other.Name && Image == other.Image && Ports.SequenceEqual(other.Ports) &&
        Environment.OrderBy(e => e.Key).SequenceEqual(other.Environment.OrderBy(e => e.Key)) &&
        SecretEnvironment.OrderBy(e => e.Key).SequenceEqual(other.SecretEnvironment.OrderBy(e => e.Key)) &&
        Variables.SequenceEqual(other.Variables) && HealthCheck == other.HealthCheck;

    public override int GetHashCode() => HashCode.Combine(Name, Image);
}

/// <summary>A command run inside the container until it succeeds; the target starts once it does.</summary>
public sealed record HealthCheck(string Command, TimeSpan Interval, TimeSpan Timeout, int Retries);

/// <summary>A variable a service gives the targets that use it, such as <c>DATABASE_URL</c>.</summary>
public sealed record ServiceVariable(string Name, ServiceTemplate Value);
