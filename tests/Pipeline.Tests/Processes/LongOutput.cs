namespace Pipeline.Tests.Processes;

/// <summary>
/// Tests that print millions of characters. They run alone: beside them, on a small machine, the
/// process tests that check a killed process is gone at once see it still dying.
/// </summary>
[CollectionDefinition(DisableParallelization = true)]
public sealed class LongOutput;
