namespace Pipeline.GitHubActions;

/// <summary>The actions generated steps use, by major version tag unless the workflow pins them.</summary>
internal static class DefaultActions
{
    public const string Checkout = "actions/checkout";
    public const string SetupDotNet = "actions/setup-dotnet";
    public const string SetupGo = "actions/setup-go";
    public const string SetupNode = "actions/setup-node";
    public const string Cache = "actions/cache";
    public const string UploadArtifact = "actions/upload-artifact";
    public const string DownloadArtifact = "actions/download-artifact";

    private static readonly Dictionary<string, string> MajorTags = new(StringComparer.Ordinal)
    {
        [Checkout] = "v4",
        [SetupDotNet] = "v4",
        [SetupGo] = "v5",
        [SetupNode] = "v4",
        [Cache] = "v4",
        [UploadArtifact] = "v4",
        [DownloadArtifact] = "v4",
    };

    public static ActionReference Reference(string action, IReadOnlyDictionary<string, ActionPin> pins) =>
        pins.TryGetValue(action, out var pin)
            ? new ActionReference($"{action}@{pin.CommitSha}", pin.Tag)
            : new ActionReference($"{action}@{MajorTags[action]}", null);
}
