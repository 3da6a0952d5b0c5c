namespace Pipeline.Delivery;

/// <summary>
/// The kubeconfig a run reaches its cluster with, decided in one place for every target that talks to
/// a cluster: the <c>KUBECONFIG_DATA</c> secret (a kubeconfig as one line of base64, as CI holds it)
/// wins; otherwise the connection the target was configured with, by default the file <c>KUBECONFIG</c>
/// names, else <c>~/.kube/config</c>.
/// </summary>
public static class KubeconfigOfRun
{
    private const string KubeconfigVariable = "KUBECONFIG";

    /// <summary>
    /// The connection for this run: the <c>KUBECONFIG_DATA</c> secret's kubeconfig when given, else
    /// <paramref name="configured"/>, else the file the run's <c>KUBECONFIG</c> names (or <c>~/.kube/config</c>).
    /// The file is read only when the connection is used.
    /// </summary>
    public static KubernetesConnection Connection(TargetContext context, KubernetesConnection? configured = null)
    {
        ArgumentNullException.ThrowIfNull(context);
        return FromSecret(context) ?? configured ?? KubernetesConnection.FromKubeconfig(NamedFile(context));
    }

    /// <summary>
    /// Whether this run names a cluster itself: the <c>KUBECONFIG_DATA</c> secret or a <c>KUBECONFIG</c>
    /// variable. A <c>~/.kube/config</c> alone does not count: whatever cluster a laptop's kubectl points
    /// at is not asked for by running a pipeline.
    /// </summary>
    public static bool IsGiven(TargetContext context)
    {
        ArgumentNullException.ThrowIfNull(context);
        return HasSecret(context) || NamedFile(context) is not null;
    }

    /// <summary>The <c>KUBECONFIG_DATA</c> secret's kubeconfig; null when the run has none.</summary>
    private static KubernetesConnection? FromSecret(TargetContext context)
    {
        if (!HasSecret(context))
        {
            return null;
        }

        try
        {
            var encoded = context.Get(DeploymentParameters.KubeconfigData).Trim();
            return KubernetesConnection.FromKubeconfigText(System.Text.Encoding.UTF8.GetString(Convert.FromBase64String(encoded)));
        }
        catch (FormatException)
        {
            // Say what is wrong without echoing any of the value.
            throw new DeploymentFailedException($"{DeploymentParameters.KubeconfigData} is not base64: encode the kubeconfig with `base64 -w0`.");
        }
    }

    private static bool HasSecret(TargetContext context) =>
        context.Parameters.TryGet(DeploymentParameters.KubeconfigData, out var encoded) && !string.IsNullOrWhiteSpace(encoded);

    /// <summary>The first file the run's <c>KUBECONFIG</c> lists (kubectl merges them; the client reads one).</summary>
    private static string? NamedFile(TargetContext context) =>
        context.Variables.TryGetValue(KubeconfigVariable, out var list)
            ? list.Split(Path.PathSeparator, StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries).FirstOrDefault()
            : null;
}
