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

        // Output is masked line by line, so each line of a multi-line secret (a key, a kubeconfig)
        // is a secret of its own; blank and very short lines would mask ordinary text.
        var parts = secret.Contains('\n', StringComparison.Ordinal)
            ? secret.Split('\n').Select(line => line.Trim()).Where(line => line.Length >= 4).Prepend(secret)
            : [secret];
        lock (_lock)
        {
            // Longest first, so a secret that contains another is masked whole.
            _secrets = [.. _secrets.Concat(parts).Distinct().OrderByDescending(s => s.Length)];
        }
    }

    public IReadOnlyList<string> Secrets => _secrets;

    public string Mask(string text)
    {
        foreach (var secret in _secrets)
        {
            text = text.Replace(secret, Replacement, StringComparison.Ordinal);
        }

        return text;
    }
}
