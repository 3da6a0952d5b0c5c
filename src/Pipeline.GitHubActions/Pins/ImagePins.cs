namespace Pipeline.GitHubActions;

/// <summary>
/// Container images in a planned workflow (a job's container, its services) written with the digest
/// the action lock holds for their <c>name:tag</c>: <c>postgres:16-alpine@sha256:…</c>.
/// </summary>
internal static class ImagePins
{
    public static WorkflowModel Apply(WorkflowModel model, ActionLock actionLock)
    {
        ArgumentNullException.ThrowIfNull(model);
        ArgumentNullException.ThrowIfNull(actionLock);
        return model with
        {
            Jobs = [.. model.Jobs.Select(job => job with
            {
                Services = [.. job.Services.Select(s => s with { Image = Pinned(s.Image, actionLock) })],
                Settings = job.Settings.Container is { } container
                    ? job.Settings with { Container = container with { Image = Pinned(container.Image, actionLock) } }
                    : job.Settings,
            })],
        };
    }

    private static string Pinned(string image, ActionLock actionLock) =>
        ActionLock.HasDigest(image) ? image : actionLock.Pinned(image) ?? image;

    /// <summary>The tag of <c>registry:5000/name:tag</c> (after the last ':' past the last '/'); null when it has none.</summary>
    public static string? TagOf(string image)
    {
        ArgumentNullException.ThrowIfNull(image);
        var reference = image.Split('@')[0];
        var colon = reference.LastIndexOf(':');
        return colon > reference.LastIndexOf('/') ? reference[(colon + 1)..] : null;
    }

    public static string NameOf(string image)
    {
        ArgumentNullException.ThrowIfNull(image);
        var reference = image.Split('@')[0];
        return TagOf(reference) is { } tag ? reference[..^(tag.Length + 1)] : reference;
    }
}
