namespace Pipeline;

/// <summary>The root of every error the engine reports; its message is written for a person to act on.</summary>
public abstract class PipelineException(string message, Exception? innerException = null)
    : Exception(message, innerException)
{
    internal abstract int ExitCode { get; }
}

/// <summary>The command line, environment or a parameters file is wrong. Nothing has run.</summary>
public sealed class UsageException(string message) : PipelineException(message)
{
    internal override int ExitCode => ExitCodes.Usage;
}

/// <summary>The pipeline's code is wrong (a cycle, a duplicate name). Nothing has run.</summary>
public sealed class DefinitionException(string message) : PipelineException(message)
{
    internal override int ExitCode => ExitCodes.Definition;
}

/// <summary>
/// A target found what it checks for (unformatted files, lint errors) and fails. Its message is the
/// whole story, so it is shown as it is, without a stack trace.
/// </summary>
public sealed class TargetFailedException(string message, Exception? innerException = null) : PipelineException(message, innerException)
{
    internal override int ExitCode => ExitCodes.TargetFailed;
}

/// <summary>The process exit codes, decided in one place.</summary>
public static class ExitCodes
{
    public const int Success = 0;
    public const int TargetFailed = 1;
    public const int Usage = 2;
    public const int Definition = 3;

    /// <summary>128 + SIGINT, what shells report for an interrupted command.</summary>
    public const int Canceled = 130;
}
