namespace Pipeline.Tests.GitHubActions.Support;

/// <summary>A target of a seed pipeline: only its declarations matter to the generator, so it does nothing.</summary>
public abstract class SeedTarget : Target;
