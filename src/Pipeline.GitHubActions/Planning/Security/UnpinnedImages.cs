namespace Pipeline.GitHubActions;

/// <summary>
/// A job's container and its service containers: an image with no tag or <c>latest</c> is whatever
/// the registry serves that day, and is refused. One with another tag but no digest (the lock has
/// none for it) passes, as with zizmor's default level (its pedantic level reports it): lock its
/// digest with <c>--update-actions name:tag</c> to have it written by digest.
/// </summary>
internal sealed class UnpinnedImages : ISecurityRule
{
    public string Audit => "unpinned-images";

    public IEnumerable<SecurityFinding> Check(SecurityScope scope)
    {
        ArgumentNullException.ThrowIfNull(scope);
        foreach (var job in scope.Model.Jobs)
        {
            IEnumerable<(string Image, string What)> images =
            [
                .. job.Settings.Container is { } container ? [(container.Image, "container")] : Array.Empty<(string, string)>(),
                .. job.Services.Select(s => (s.Image, $"service {s.Name}")),
            ];
            foreach (var (image, what) in images.Where(i => !ActionLock.HasDigest(i.Image) && !i.Image.Contains("${{", StringComparison.Ordinal)))
            {
                if (ImagePins.TagOf(image) is null or "latest")
                {
                    yield return new SecurityFinding($"the job {job.Id}: its {what} image {image} has no tag but latest, so each run may get another image: " +
                        $"give it a tag and run {ActionLock.UpdateCommand} {ImagePins.NameOf(image)}:<tag> to lock its digest.");
                }
            }
        }
    }
}
