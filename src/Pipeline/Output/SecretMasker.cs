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

    /// <summary>
    /// The shortest line of a multi-line secret that is masked on its own. Output is masked line by
    /// line (the GitHub runner does the same), so each line of a key or a kubeconfig is a secret of
    /// its own; a line of one or two characters ("}", "==") would mask ordinary text everywhere.
    /// </summary>
    public const int MinimumLineLength = 3;

    /// <summary>
    /// Adds a value to mask (a token read at run time, say). Empty values are ignored. Returns the
    /// lines of a multi-line secret too short to mask on their own (see <see cref="MinimumLineLength"/>),
    /// so the caller can warn that such a line printed alone would show.
    /// </summary>
    public IReadOnlyList<string> Register(string secret)
    {
        if (string.IsNullOrEmpty(secret))
        {
            return [];
        }

        var lines = secret.Contains('\n', StringComparison.Ordinal)
            ? secret.Split('\n').Select(line => line.Trim()).Where(line => line.Any(char.IsLetterOrDigit)).ToList()
            : [];
        var masked = lines.Where(line => line.Length >= MinimumLineLength).Prepend(secret);
        lock (_lock)
        {
            // Longest first, so a secret that contains another is masked whole.
            _secrets = [.. _secrets.Concat(masked).Distinct().OrderByDescending(s => s.Length)];
        }

        return [.. lines.Where(line => line.Length < MinimumLineLength)];
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
