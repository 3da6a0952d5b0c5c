namespace Pipeline.Execution.Incremental;

/// <summary>
/// What a successful run leaves for the next one: its fingerprint, the inputs it was made of (to
/// say what changed), and the typed output values it set (restored for dependents when it is up to date).
/// </summary>
/// <param name="Cell">The matrix cell, as text; null for a target without one.</param>
internal sealed record FingerprintRecord(
    string Target,
    string? Cell,
    string Key,
    IReadOnlyDictionary<string, string> Inputs,
    IReadOnlyDictionary<string, string> Outputs,
    DateTimeOffset Succeeded);
