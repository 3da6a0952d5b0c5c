namespace Pipeline.Components.Testing;

/// <summary>A failed test's message as a report shows it: its first lines, the rest is in the log and the result files.</summary>
internal static class FailureMessage
{
    private const int MaxLines = 6;
    private const int MaxLength = 600;

    public static string Shortened(string message)
    {
        var lines = message.ReplaceLineEndings("\n").Trim().Split('\n');
        var kept = string.Join('\n', lines.Take(MaxLines));
        if (kept.Length > MaxLength)
        {
            kept = kept[..MaxLength];
        }

        return kept.Length < message.Trim().Length ? kept + " …" : kept;
    }
}
