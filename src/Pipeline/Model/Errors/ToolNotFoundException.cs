namespace Pipeline;

/// <summary>
/// A tool a target runs is not installed (or not on <c>PATH</c>). Found before any target starts
/// when the target declares it (<c>.Requires(RequiredTool)</c>); otherwise when the process would start.
/// </summary>
public sealed class ToolNotFoundException(string message) : PipelineException(message)
{
    internal override int RunExitCode => ExitCodes.Usage;
}
