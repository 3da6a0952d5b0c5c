namespace Pipeline;

/// <summary>
/// A process exited with a code its command does not accept. The command line and output in the
/// message are already masked. An expected failure: the tool's own output says why.
/// </summary>
public sealed class ProcessFailedException : TargetFailedException
{
    private readonly bool _outputWasLogged;

    internal ProcessFailedException(string commandLine, int exitCode, IReadOnlyList<string> lastLines, bool outputWasLogged = true)
        : base(Compose(commandLine, exitCode, lastLines))
    {
        CommandLine = commandLine;
        ExitCode = exitCode;
        LastLines = lastLines;
        _outputWasLogged = outputWasLogged;
    }

    public string CommandLine { get; }

    /// <summary>The process's exit code (the run's own exit code is 1, a failed target).</summary>
    public int ExitCode { get; }

    public IReadOnlyList<string> LastLines { get; }

    /// <summary>The output streamed into the log already; then its first line says the rest.</summary>
    internal override string Shown => _outputWasLogged ? Message.Split('\n')[0] : Message;

    private static string Compose(string commandLine, int exitCode, IReadOnlyList<string> lastLines)
    {
        var message = $"Process exited with code {exitCode}: {commandLine}";
        return lastLines.Count == 0
            ? message
            : message + "\nLast output:\n" + string.Join('\n', lastLines.Select(l => "  " + l));
    }
}
