namespace Pipeline.Components.Tools;

/// <summary>A tool exited with an error code but printed nothing we could read as a result: it did not really run.</summary>
internal static class ToolFailure
{
    private const int LinesShown = 20;

    public static TargetFailedException Unreadable(string tool, ProcessResult result) => new(
        $"{tool} exited with code {result.ExitCode} without reporting anything it checked; its last output:\n"
        + string.Join('\n', result.Output.TakeLast(LinesShown).Select(l => "  " + l)));
}
