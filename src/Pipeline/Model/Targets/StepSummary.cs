namespace Pipeline;

/// <summary>
/// The Markdown page of a CI run (<c>$GITHUB_STEP_SUMMARY</c> under GitHub Actions), where a target
/// can add what a reader needs first: the failed tests, a coverage table. Locally there is no such
/// page and <see cref="Append"/> does nothing. Every line is masked before it is written.
/// </summary>
public sealed class StepSummary
{
    private static readonly Lock WriteLock = new();
    private readonly string? _path;
    private readonly Func<string, string> _mask;
    private readonly Action<string> _warn;
    private bool _broken;

    /// <param name="warn">Told once when the file cannot be written: the run's result never depends on its summary.</param>
    internal StepSummary(string? path, Func<string, string> mask, Action<string>? warn = null)
    {
        _path = string.IsNullOrEmpty(path) ? null : path;
        _mask = mask;
        _warn = warn ?? (_ => { });
    }

    /// <summary>A summary that writes nothing: a local run.</summary>
    public static StepSummary None { get; } = new(null, text => text);

    /// <summary>Whether appended Markdown goes anywhere (true under GitHub Actions).</summary>
    public bool IsAvailable => _path is not null;

    /// <summary>Appends Markdown lines, followed by a blank line so blocks from several targets stay apart.</summary>
    public void Append(IEnumerable<string> markdownLines)
    {
        if (_path is null)
        {
            return;
        }

        // Targets run side by side; one block must not interleave with another.
        lock (WriteLock)
        {
            if (_broken)
            {
                return;
            }

            try
            {
                File.AppendAllLines(_path, [.. markdownLines.Select(_mask), ""]);
            }
            catch (Exception e) when (e is IOException or UnauthorizedAccessException)
            {
                _broken = true;
                _warn($"warning: the step summary {_path} cannot be written ({e.Message}); the run goes on without it.");
            }
        }
    }
}
