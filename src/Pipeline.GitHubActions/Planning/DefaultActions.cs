namespace Pipeline.GitHubActions;

/// <summary>
/// The actions generated steps use, each referenced by commit with its tag in a comment: the
/// workflow's own <see cref="WorkflowSpec.Pin"/> when it has one, else the action lock (the
/// repository's <c>.nuke/actions.lock.json</c> over the defaults shipped for these actions).
/// </summary>
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

    /// <summary>
    /// An action in a folder of a repository (<c>actions/cache/restore</c>) follows the repository's pin.
    /// Unresolved, the action is written without a ref, which the unpinned-uses rule refuses by name.
    /// </summary>
    public static ActionReference Reference(string action, WorkflowDeclaration workflow)
    {
        ArgumentNullException.ThrowIfNull(workflow);
        if (workflow.Pins.TryGetValue(action, out var pin) || workflow.Pins.TryGetValue(ActionLock.RepositoryOf(action), out pin))
        {
            return new ActionReference($"{action}@{pin.CommitSha}", pin.Tag);
        }

        return workflow.Lock.Resolve(action, tag: null) is { } locked
            ? new ActionReference($"{action}@{locked.Sha}", locked.Tag)
            : new ActionReference(action, null);
    }
}
