namespace Pipeline.GitHubActions;

/// <summary>
/// A job's container and its service containers: an image with no tag or <c>latest</c> is whatever
/// the registry serves that day, and is refused; one with another tag but no digest (the lock has
/// none for it) is written with a warning, as zizmor's pedantic level reports it.
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
                var tag = ImagePins.TagOf(image);
                yield return tag is null or "latest"
                    ? new SecurityFinding($"the job {job.Id}: its {what} image {image} has no tag but latest, so each run may get another image: " +
                        $"give it a tag and run {ActionLock.UpdateCommand} {ImagePins.NameOf(image)}:<tag> to lock its digest.")
                    : new SecurityFinding($"the job {job.Id}: its {what} image {image} is pinned by tag only: run {ActionLock.UpdateCommand} {image} to lock its digest.", Warning: true);
            }
        }
    }
}
