namespace Pipeline;

/// <summary>A process exited with a non-zero code. The command line and output in the message are already masked.</summary>
public sealed class ProcessFailedException : Exception
{
    internal ProcessFailedException(string commandLine, int exitCode, IReadOnlyList<string> lastLines)
        : base(Compose(commandLine, exitCode, lastLines))
    {
        CommandLine = commandLine;
        ExitCode = exitCode;
        LastLines = lastLines;
    }

    public string CommandLine { get; }

    public int ExitCode { get; }

    public IReadOnlyList<string> LastLines { get; }

    private static string Compose(string commandLine, int exitCode, IReadOnlyList<string> lastLines)
    {
        var message = $"Process exited with code {exitCode}: {commandLine}";
        return lastLines.Count == 0
            ? message
            : message + "\nLast output:\n" + string.Join('\n', lastLines.Select(l => "  " + l));
    }
}
