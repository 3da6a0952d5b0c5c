namespace Pipeline.Delivery;

/// <summary>What the GitOps driver can edit.</summary>
internal enum GitOpsFileKind
{
    HelmValues,
    Kustomization,
}

/// <summary>Tells the kinds apart by file name, as kustomize finds its file.</summary>
internal static class GitOpsFile
{
    private static readonly string[] KustomizationNames = ["kustomization.yaml", "kustomization.yml", "Kustomization"];

    /// <exception cref="DeploymentFailedException">Neither kind: said before anything is cloned.</exception>
    public static GitOpsFileKind KindOf(string path)
    {
        var name = Path.GetFileName(path);
        if (KustomizationNames.Contains(name, StringComparer.Ordinal))
        {
            return GitOpsFileKind.Kustomization;
        }

        return Path.GetExtension(name).ToLowerInvariant() is ".yaml" or ".yml"
            ? GitOpsFileKind.HelmValues
            : throw new DeploymentFailedException(
                $"The GitOps driver edits a Helm values file (.yaml, .yml) or a Kustomize kustomization.yaml; {path} is neither.");
    }
}
