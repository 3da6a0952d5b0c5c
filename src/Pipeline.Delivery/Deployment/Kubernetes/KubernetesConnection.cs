using k8s;

namespace Pipeline.Delivery;

/// <summary>
/// How to reach a cluster: a kubeconfig file (CI writes one from a secret and points
/// <c>KUBECONFIG</c> at it) or an explicit server and token. Not a record, so the token never
/// appears in a <c>ToString()</c>.
/// </summary>
public sealed class KubernetesConnection
{
    private readonly string? _kubeconfigPath;
    private readonly string? _kubeconfigText;
    private readonly string? _context;
    private readonly Uri? _server;
    private readonly string? _token;

    private KubernetesConnection(string? kubeconfigPath, string? context, Uri? server, string? token, string? kubeconfigText = null)
    {
        _kubeconfigPath = kubeconfigPath;
        _kubeconfigText = kubeconfigText;
        _context = context;
        _server = server;
        _token = token;
    }

    /// <summary>A kubeconfig file: <paramref name="path"/>, else the first file in <c>KUBECONFIG</c>, else <c>~/.kube/config</c>.</summary>
    public static KubernetesConnection FromKubeconfig(string? path = null, string? context = null) =>
        new(path, context, null, null);

    /// <summary>A kubeconfig's text, as CI holds it in a secret; never written to disk or printed.</summary>
    public static KubernetesConnection FromKubeconfigText(string kubeconfig, string? context = null)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(kubeconfig);
        return new(null, context, null, null, kubeconfig);
    }

    /// <summary>An API server and a bearer token (a service account's, or a test fake's).</summary>
    public static KubernetesConnection FromServer(Uri server, string token)
    {
        ArgumentNullException.ThrowIfNull(server);
        ArgumentException.ThrowIfNullOrEmpty(token);
        return new(null, null, server, token);
    }

    /// <summary>The configuration KubernetesClient takes; reads the kubeconfig file now.</summary>
    internal KubernetesClientConfiguration ToClientConfiguration()
    {
        if (_server is not null)
        {
            return new KubernetesClientConfiguration { Host = _server.ToString(), AccessToken = _token };
        }

        if (_kubeconfigText is not null)
        {
            using var stream = new MemoryStream(System.Text.Encoding.UTF8.GetBytes(_kubeconfigText));
            return Usable(() => KubernetesClientConfiguration.BuildConfigFromConfigFile(stream, _context));
        }

        var path = _kubeconfigPath
            ?? Environment.GetEnvironmentVariable("KUBECONFIG")?.Split(Path.PathSeparator, StringSplitOptions.RemoveEmptyEntries).FirstOrDefault()
            ?? Path.Combine(Environment.GetFolderPath(Environment.SpecialFolder.UserProfile), ".kube", "config");
        if (!File.Exists(path))
        {
            throw new DeploymentFailedException($"No kubeconfig at {path}: set KUBECONFIG (CI writes it from a secret) or pass a connection.");
        }

        return Usable(() => KubernetesClientConfiguration.BuildConfigFromConfigFile(path, _context));
    }

    /// <summary>
    /// A kubeconfig the client cannot read (not YAML, no such context) is the user's input, not our bug:
    /// one line naming where it came from, never its content.
    /// </summary>
    private KubernetesClientConfiguration Usable(Func<KubernetesClientConfiguration> build)
    {
        try
        {
            return build();
        }
        catch (Exception e) when (e is not (PipelineException or OperationCanceledException))
        {
            throw new DeploymentFailedException($"The {this} is not a usable kubeconfig: {e.GetType().Name}. Check that it is the whole file (kubectl config view --raw --minify).");
        }
    }

    public override string ToString() =>
        _server is not null ? $"server {_server}" : _kubeconfigText is not null ? "kubeconfig from a secret" : $"kubeconfig {_kubeconfigPath ?? "$KUBECONFIG"}";
}
