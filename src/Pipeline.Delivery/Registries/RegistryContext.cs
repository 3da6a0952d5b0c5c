namespace Pipeline.Delivery;

/// <summary>What a <see cref="ContainerRegistry"/> reads to resolve itself: the running target (its parameters, log, run facts).</summary>
public sealed record RegistryContext(TargetContext Target)
{
    /// <summary>The run's environment variables (<see cref="TargetContext.Variables"/>).</summary>
    public IReadOnlyDictionary<string, string> Variables => Target.Variables;

    /// <summary>The GitHub run's facts (<see cref="TargetContext.GitHub"/>): repository owner, actor…</summary>
    public GitHubRun GitHub => Target.GitHub;
}
