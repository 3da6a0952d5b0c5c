namespace Pipeline;

public enum LogLevel
{
    Info,
    Warning,
    Error,
}

/// <summary>A target's log: every line is attributed to the target and masked before it is written.</summary>
public sealed class TargetLog
{
    private readonly ITargetLogSink _output;
    private readonly string _linePrefix;

    /// <param name="linePrefix">Tells apart the cells of a matrix target, which share its log.</param>
    internal TargetLog(string target, ITargetLogSink output, string linePrefix = "")
    {
        Target = target;
        _output = output;
        _linePrefix = linePrefix;
    }

    public string Target { get; }

    public void Info(string message) => Write(LogLevel.Info, message);

    public void Warning(string message) => Write(LogLevel.Warning, message);

    public void Error(string message) => Write(LogLevel.Error, message);

    /// <summary>
    /// A message about a place in a source file (a lint finding, a compiler error). Locally it reads
    /// <c>path:line:col: message</c>; under GitHub Actions it becomes an annotation on that line.
    /// </summary>
    public void Annotate(LogLevel level, SourceLocation location, string message)
    {
        ArgumentNullException.ThrowIfNull(location);
        _output.Annotation(Target, level, location, _linePrefix + message.ReplaceLineEndings(" "));
    }

    public void Write(LogLevel level, string message)
    {
        foreach (var line in message.Split('\n'))
        {
            _output.Line(Target, level, _linePrefix + line.TrimEnd('\r'));
        }
    }
}

/// <summary>Where a target's lines go: the run's output, which masks and attributes them.</summary>
internal interface ITargetLogSink
{
    void Line(string target, LogLevel level, string text);

    /// <summary>A line about a place in a source file: <c>path:line:col: text</c>, or a GitHub annotation.</summary>
    void Annotation(string target, LogLevel level, SourceLocation location, string text);
}
