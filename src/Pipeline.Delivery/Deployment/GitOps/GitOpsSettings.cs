namespace Pipeline.Delivery;

/// <summary>Where the GitOps driver writes the image: one Helm values file on one branch of a repository.</summary>
/// <param name="Repository">The repository to clone: an https URL, an ssh address or a local path.</param>
/// <param name="Branch">The branch the GitOps controller (Argo CD, Flux) watches.</param>
/// <param name="ValuesFile">The values file, relative to the repository root: <c>apps/api/values-staging.yaml</c>.</param>
public sealed record GitOpsSettings(string Repository, string Branch, string ValuesFile)
{
    /// <summary>The key path of the image tag in the values file.</summary>
    public string TagKey { get; init; } = "image.tag";

    /// <summary>The key path of the image repository, when the pipeline also sets it (null: leave it alone).</summary>
    public string? RepositoryKey { get; init; }

    public string AuthorName { get; init; } = "pipeline";

    public string AuthorEmail { get; init; } = "pipeline@users.noreply.github.com";

    /// <summary>How often to rebase and push again when someone else pushed to the branch in between.</summary>
    public int PushAttempts { get; init; } = 3;

    /// <summary>Where the deployed application answers, if known: reported as the deployment's URL.</summary>
    public Uri? EnvironmentUrl { get; init; }
}
