namespace Pipeline.Delivery;

/// <summary>How the local Docker driver runs the application: one container, published on 127.0.0.1 only.</summary>
/// <param name="ContainerPort">The port the application listens on inside the container.</param>
public sealed record LocalDockerSettings(int ContainerPort)
{
    /// <summary>The port on 127.0.0.1; null lets Docker pick a free one (reported in the URL).</summary>
    public int? HostPort { get; init; }

    /// <summary>The container's name; null means <c>&lt;application&gt;-&lt;environment&gt;</c>, e.g. <c>api-staging</c>.</summary>
    public string? ContainerName { get; init; }

    /// <summary>How long the container has to reach the running state.</summary>
    public TimeSpan StartTimeout { get; init; } = TimeSpan.FromSeconds(30);

    /// <summary>
    /// How long a started container is watched before the deploy counts as done: one that exits within
    /// it (a bad configuration, a crash at startup) fails the deploy with its logs.
    /// </summary>
    public TimeSpan SettleTime { get; init; } = TimeSpan.FromSeconds(3);

    /// <summary>Extra <c>docker run</c> arguments placed before the image (environment, volumes).</summary>
    public IReadOnlyList<string> RunArguments { get; init; } = [];

    /// <summary>Arguments placed after the image: the command, or the arguments of the image's entrypoint.</summary>
    public IReadOnlyList<string> Command { get; init; } = [];
}
