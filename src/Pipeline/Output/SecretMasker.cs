namespace Pipeline.Output;

/// <summary>
/// Replaces every known secret value with <c>***</c>. Every line the engine writes — logs, errors,
/// summaries, failed command lines — passes through here, so a secret cannot leak by one path.
/// </summary>
internal sealed class SecretMasker
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

        var lines = secret.Contains('\n', StringComparison.Ordinal) ? LinesOf(secret) : [];
        lock (_lock)
        {
            _secrets = Ordered(_secrets.Concat(PartsOf(secret)));
        }

        return [.. lines.Where(line => line.Length < MinimumLineLength)];
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
    // is a secret of its own; lines without a letter or digit ("}", "-----") and very short ones
    // would mask ordinary text.
    private static IEnumerable<string> PartsOf(string secret) =>
        secret.Contains('\n', StringComparison.Ordinal)
            ? LinesOf(secret).Where(line => line.Length >= MinimumLineLength).Prepend(secret)
            : [secret];

    private static List<string> LinesOf(string secret) =>
        [.. secret.Split('\n').Select(line => line.Trim()).Where(line => line.Any(char.IsLetterOrDigit))];

    // Longest first, so a secret that contains another is masked whole.
    private static string[] Ordered(IEnumerable<string> secrets) => [.. secrets.Distinct().OrderByDescending(s => s.Length)];
}
