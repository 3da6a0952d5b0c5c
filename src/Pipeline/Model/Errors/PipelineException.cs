namespace Pipeline;

/// <summary>
/// The root of every error a user can cause: bad input, a wrong pipeline, a failed check, a missing
/// tool. Its message is written for a person to act on. Whether a stack trace helps is a property
/// of the error (<see cref="ShowsStackTrace"/>), not a guess from its type: expected failures say
/// everything in their message, so they are shown without one.
/// </summary>
public abstract class PipelineException(string message, Exception? innerException = null)
    : Exception(message, innerException)
{
    /// <summary>False for expected failures (the default): the message is the whole story.</summary>
    public virtual bool ShowsStackTrace => false;

    internal abstract int RunExitCode { get; }

    /// <summary>What a log shows for this failure: the message, or less where the rest was already shown.</summary>
    internal virtual string Shown => ShowsStackTrace ? ToString() : Message;
}

/// <summary>The command line, environment or a parameters file is wrong. Nothing has run.</summary>
public sealed class UsageException(string message) : PipelineException(message)
{
    internal override int RunExitCode => ExitCodes.Usage;
}

/// <summary>The pipeline's code is wrong (a cycle, a duplicate name). Nothing has run.</summary>
public sealed class DefinitionException(string message) : PipelineException(message)
{
    internal override int RunExitCode => ExitCodes.Definition;
}

/// <summary>
/// A target found what it checks for (unformatted files, lint errors, a refused login) and fails.
/// Its message is the whole story, so it is shown as it is, without a stack trace. Components
/// derive their own failures from it.
/// </summary>
public class TargetFailedException(string message, Exception? innerException = null) : PipelineException(message, innerException)
{
    internal override int RunExitCode => ExitCodes.TargetFailed;
}
