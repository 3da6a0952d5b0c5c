namespace Pipeline.Delivery;

/// <summary>The last lines a container wrote (stdout and stderr), for failure reports.</summary>
internal static class ContainerLogs
{
    public static async Task<string> TailAsync(TargetContext context, string container, int lines = 50)
    {
        // Read quietly: the lines are returned for the report, not streamed into the log twice.
        var result = await context.RunAsync(new ToolCommand("docker").AddArguments("logs", "--tail", lines.ToString(System.Globalization.CultureInfo.InvariantCulture), container).WithQuietOutput())
            .ConfigureAwait(false);
        return string.Join('\n', result.Output);
    }
}
