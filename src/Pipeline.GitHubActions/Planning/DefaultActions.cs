namespace Pipeline.GitHubActions;

/// <summary>The actions generated steps use, by major version tag unless the workflow pins them.</summary>
internal static class DefaultActions
{
    public const string Checkout = "actions/checkout";
    public const string SetupDotNet = "actions/setup-dotnet";
    public const string SetupGo = "actions/setup-go";
    public const string SetupNode = "actions/setup-node";
    public const string Cache = "actions/cache";
    public const string CacheRestore = "actions/cache/restore";
    public const string CacheSave = "actions/cache/save";
    public const string UploadArtifact = "actions/upload-artifact";
    public const string DownloadArtifact = "actions/download-artifact";
    public const string SetupQemu = "docker/setup-qemu-action";
    public const string SetupBuildx = "docker/setup-buildx-action";
    public const string AttestBuildProvenance = "actions/attest-build-provenance";
    public const string AttestSbom = "actions/attest-sbom";
    public const string SbomAction = "anchore/sbom-action";

    private static readonly Dictionary<string, string> MajorTags = new(StringComparer.Ordinal)
    {
        [Checkout] = "v4",
        [SetupDotNet] = "v4",
        [SetupGo] = "v5",
        [SetupNode] = "v4",
        [Cache] = "v4",
        [CacheRestore] = "v4",
        [CacheSave] = "v4",
        [UploadArtifact] = "v4",
        [DownloadArtifact] = "v4",
        [SetupQemu] = "v3",
        [SetupBuildx] = "v3",
        [AttestBuildProvenance] = "v3",
        [AttestSbom] = "v2",
        [SbomAction] = "v0",
    };

    /// <summary>An action in a folder of a repository (<c>actions/cache/restore</c>) follows the repository's pin.</summary>
    public static ActionReference Reference(string action, IReadOnlyDictionary<string, ActionPin> pins) =>
        pins.TryGetValue(action, out var pin) || pins.TryGetValue(RepositoryOf(action), out pin)
            ? new ActionReference($"{action}@{pin.CommitSha}", pin.Tag)
            : new ActionReference($"{action}@{MajorTags[action]}", null);

    private static string RepositoryOf(string action) => string.Join('/', action.Split('/').Take(2));
}
