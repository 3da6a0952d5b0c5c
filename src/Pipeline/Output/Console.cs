namespace Pipeline.Output;

/// <summary>
/// The only door to the terminal: two writers, whether colour is wanted, and a lock so lines from
/// parallel targets never tear. Every write is masked. Tests pass in <see cref="StringWriter"/>s.
/// </summary>
internal sealed class OutputConsole(TextWriter standardOutput, TextWriter standardError, bool useColor, SecretMasker masker)
{
    private readonly Lock _lock = new();

    public bool UseColor { get; } = useColor;

    public SecretMasker Masker { get; } = masker;

    public void WriteLine(string text, ConsoleColor? color = null) => Write(standardOutput, text, color);

    public void WriteErrorLine(string text) => Write(standardError, text, ConsoleColor.Red);

    public void WriteLines(IEnumerable<string> lines)
    {
        lock (_lock)
        {
            Guarded(() =>
            {
                foreach (var line in lines)
                {
                    standardOutput.WriteLine(Masker.Mask(line));
                }

                standardOutput.Flush();
            });
        }
    }

    /// <summary>Only for <c>::add-mask::</c>, which must carry the secret itself to the runner.</summary>
    public void WriteLinesUnmasked(IEnumerable<string> lines)
    {
        lock (_lock)
        {
            Guarded(() =>
            {
                foreach (var line in lines)
                {
                    standardOutput.WriteLine(line);
                }

                standardOutput.Flush();
            });
        }
    }

    public string Colored(string text, ConsoleColor color) =>
        UseColor ? $"\u001b[{AnsiCode(color)}m{text}\u001b[0m" : text;

    private void Write(TextWriter writer, string text, ConsoleColor? color)
    {
        var masked = Masker.Mask(text);
        lock (_lock)
        {
            Guarded(() =>
            {
                writer.WriteLine(color is { } c ? Colored(masked, c) : masked);
                writer.Flush();
            });
        }
    }

    // A closed or broken stdout (a pipe whose reader went away) cannot show anything more; the
    // run's result must not depend on it, so the write is dropped rather than failing the run.
    private static void Guarded(Action write)
    {
        try
        {
            write();
        }
        catch (IOException)
        {
        }
        catch (ObjectDisposedException)
        {
        }
    }

    private static int AnsiCode(ConsoleColor color) => color switch
    {
        ConsoleColor.Red => 31,
        ConsoleColor.Green => 32,
        ConsoleColor.Yellow => 33,
        ConsoleColor.Blue => 34,
        ConsoleColor.Magenta => 35,
        ConsoleColor.Cyan => 36,
        ConsoleColor.DarkGray => 90,
        _ => 39,
    };
}
