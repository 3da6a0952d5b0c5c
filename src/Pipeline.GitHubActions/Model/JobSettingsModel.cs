namespace Pipeline.GitHubActions;

/// <summary>A job's settings beyond where it runs and what it needs: as the YAML will say them.</summary>
/// <param name="Env">The job's <c>env:</c> (every step sees it; the build step's own variables win).</param>
/// <param name="AllPermissions"><c>read-all</c> or <c>write-all</c> instead of a permissions map; null otherwise.</param>
/// <param name="Services">Per service container name: how its ports are published, and its raw keys.</param>
internal sealed record JobSettingsModel(
    IReadOnlyList<KeyValuePair<string, string>> Env,
    JobConcurrency? Concurrency,
    JobContainer? Container,
    string? DefaultShell,
    PermissionAccess? AllPermissions,
    IReadOnlyDictionary<string, ServiceSettings> Services,
    IReadOnlyList<RawKey> Raw,
    IReadOnlyList<RawKey> RawStrategy,
    IReadOnlyList<RawKey> RawMatrix)
{
    /// <summary>The name GitHub shows for the job as written, or null for the default (the target's name).</summary>
    public string? DisplayName { get; init; }

    public static JobSettingsModel Empty { get; } =
        new([], null, null, null, null, new Dictionary<string, ServiceSettings>(), [], [], []);

    public ServiceSettings ServiceSettingsOf(string service) => Services.GetValueOrDefault(service) ?? ServiceSettings.Default;
}
