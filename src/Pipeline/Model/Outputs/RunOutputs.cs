using System.Collections.Concurrent;

namespace Pipeline;

/// <summary>
/// The outputs of one run, as text: those set by targets that ran in this process, and, for the
/// others, what the environment carries (a CI job gets its upstream jobs' outputs as
/// <c>PIPELINE_OUTPUT_*</c> variables). Shared by every target and matrix cell of the run.
/// </summary>
/// <param name="secrets">The secret values of the run: an output never carries one.</param>
internal sealed class RunOutputs(IReadOnlyDictionary<string, string> variables, Func<IEnumerable<string>> secrets)
{
    private readonly ConcurrentDictionary<string, string> _values = new(StringComparer.Ordinal);

    public static RunOutputs None { get; } = new(new Dictionary<string, string>(), () => []);

    public void Set(IOutput output, string text)
    {
        if (secrets().Any(secret => CarriesSecret(text, secret)))
        {
            // Outputs are shown on the run's page and passed between jobs in clear: never a secret.
            throw new TargetFailedException(
                $"the output {output.Name} would carry a secret's value; outputs are not masked between jobs. Pass the secret to the targets that need it instead.");
        }

        _values[output.Name] = text;
    }

    /// <summary>Set in this process (not only carried by the environment).</summary>
    public bool IsSet(IOutput output) => _values.ContainsKey(output.Name);

    public string? TextOf(IOutput output) =>
        _values.TryGetValue(output.Name, out var text) ? text
        : variables.GetValueOrDefault(output.EnvironmentName) is { Length: > 0 } carried ? carried
        : null;

    // A secret's lines of three characters or more are what the masker hides; the same are refused here.
    private static bool CarriesSecret(string text, string secret) =>
        secret.Split('\n').Select(l => l.TrimEnd('\r')).Any(line => line.Length >= 3 && text.Contains(line, StringComparison.Ordinal));
}
