namespace Pipeline.Processes;

/// <summary>
/// The lines of a process that its <see cref="ProcessResult"/> keeps: all of them, or, when they
/// are kept somewhere else already (the log, a file), only the last ones: at most
/// <see cref="TailLines"/> lines and <see cref="TailCharacters"/> characters, and always the last line.
/// </summary>
/// <param name="whole">Keeps every line: the result is the only place they go, or the caller asked for all of them.</param>
internal sealed class KeptLines(bool whole)
{
    public const int TailLines = 1_000;
    public const int TailCharacters = 1_000_000;

    private readonly Queue<string> _lines = new();
    private long _characters;

    public void Add(string line)
    {
        _lines.Enqueue(line);
        _characters += line.Length;
        while (!whole && _lines.Count > 1 && (_lines.Count > TailLines || _characters > TailCharacters))
        {
            _characters -= _lines.Dequeue().Length;
        }
    }

    public List<string> ToList() => [.. _lines];
}
