namespace Pipeline.Delivery;

/// <summary>
/// Blue-green: the idle colour gets the new version, must answer its health checks, then takes the
/// traffic; the health checks keep running for <see cref="HealthWindow"/> after the switch, and a
/// failure switches back to the colour that was live. The old colour is kept for an instant rollback.
/// </summary>
public sealed record BlueGreenStrategy : DeploymentStrategy
{
    /// <summary>The paths that must answer 200, before the switch (on the new colour) and after it (on the live address).</summary>
    public IReadOnlyList<string> HealthPaths { get; init; } = ["/health"];

    /// <summary>How long the new colour has to answer 200 on every path before the switch is abandoned.</summary>
    public TimeSpan ReadyTimeout { get; init; } = TimeSpan.FromSeconds(60);

    /// <summary>How long the health checks run after the switch; one failure in it switches back.</summary>
    public TimeSpan HealthWindow { get; init; } = TimeSpan.FromSeconds(10);

    /// <summary>The pause between two rounds of health checks.</summary>
    public TimeSpan HealthInterval { get; init; } = TimeSpan.FromSeconds(1);

    /// <summary>How long one health request may take; no answer in it counts as a failure.</summary>
    public TimeSpan RequestTimeout { get; init; } = TimeSpan.FromSeconds(5);
}
