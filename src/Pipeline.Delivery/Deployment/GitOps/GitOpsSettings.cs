namespace Pipeline.Delivery;

/// <summary>
/// Where the GitOps driver writes the image: one Helm values file, or one Kustomize
/// <c>kustomization.yaml</c>, on one branch of a repository.
/// </summary>
/// <param name="Repository">The repository to clone: an https URL, an ssh address or a local path.</param>
/// <param name="Branch">The branch the GitOps controller (Argo CD, Flux) watches.</param>
/// <param name="ValuesFile">
/// The file, relative to the repository root: a Helm values file (<c>apps/api/values-staging.yaml</c>;
/// <see cref="TagKey"/>, <see cref="RepositoryKey"/>) or a kustomization (<c>overlays/staging/kustomization.yaml</c>;
/// <see cref="KustomizeImage"/>). Any other file fails the deployment before anything is cloned.
/// </param>
public sealed record GitOpsSettings(string Repository, string Branch, string ValuesFile)
{
    /// <summary>
    /// In a kustomization, the <c>name:</c> of the <c>images:</c> entry to edit (the image as the
    /// manifests name it); null: the application's name. Its <c>newName</c> becomes the deployed
    /// repository, <c>newTag</c> its tag and <c>digest</c> its digest (when the image has them).
    /// </summary>
    public string? KustomizeImage { get; init; }

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
