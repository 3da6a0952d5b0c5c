namespace Pipeline.Output;

/// <summary>
/// Replaces every known secret value with <c>***</c>. Every line the engine writes — logs, errors,
/// summaries, failed command lines — passes through here, so a secret cannot leak by one path.
/// </summary>
public sealed class SecretMasker
{
    public const string Replacement = "***";
    private volatile string[] _secrets = [];
    private readonly Lock _lock = new();

    /// <summary>Adds a value to mask (a token read at run time, say). Empty values are ignored.</summary>
    public void Register(string secret)
    {
        if (string.IsNullOrEmpty(secret))
        {
            return;
        }

        lock (_lock)
        {
            _secrets = Ordered(_secrets.Concat(PartsOf(secret)));
        }
    }

    public IReadOnlyList<string> Secrets => _secrets;

    public string Mask(string text) => Mask(text, _secrets);

    /// <summary>
    /// Masks the registered secrets and <paramref name="more"/> together (the values one command
    /// knows are secret): longest first across both, so neither kind leaves a piece of the other.
    /// </summary>
    public string Mask(string text, IReadOnlyCollection<string> more)
    {
        ArgumentNullException.ThrowIfNull(more);
        return more.Count == 0
            ? Mask(text)
            : Mask(text, Ordered(_secrets.Concat(more.Where(s => !string.IsNullOrEmpty(s)).SelectMany(PartsOf))));
    }

    private static string Mask(string text, string[] secrets)
    {
        foreach (var secret in secrets)
        {
            text = text.Replace(secret, Replacement, StringComparison.Ordinal);
        }

        return text;
    }

    // Output is masked line by line, so each line of a multi-line secret (a key, a kubeconfig)
    // is a secret of its own; blank and very short lines would mask ordinary text.
    private static IEnumerable<string> PartsOf(string secret) =>
        secret.Contains('\n', StringComparison.Ordinal)
            ? secret.Split('\n').Select(line => line.Trim()).Where(line => line.Length >= 4).Prepend(secret)
            : [secret];

    // Longest first, so a secret that contains another is masked whole.
    private static string[] Ordered(IEnumerable<string> secrets) => [.. secrets.Distinct().OrderByDescending(s => s.Length)];
}
