namespace Pipeline.Delivery;

/// <summary>What a <see cref="ContainerRegistry"/> reads to resolve itself: the running target and the run's environment variables.</summary>
public sealed record RegistryContext(TargetContext Target, IReadOnlyDictionary<string, string> Variables);
