namespace Pipeline.Processes;

/// <summary>
/// A command that exits while a process it started in the background still holds its output pipe
/// (<c>sh -c 'server &amp;'</c>) would keep its target waiting for that process: the output only
/// ends when every writer has closed it. Once the command itself has exited and its output has not
/// ended within <see cref="Patience"/>, what still carries the command's own marker is a leftover
/// holding the pipe, and is ended (build servers excepted, see <see cref="Leftovers"/>). Linux only,
/// like the searches it uses.
/// </summary>
internal static class OutputHolders
{
    /// <summary>Long enough for the last buffered output to drain; short enough that nobody waits for it.</summary>
    public static readonly TimeSpan Patience = TimeSpan.FromSeconds(2);

    private static readonly TimeSpan Poll = TimeSpan.FromMilliseconds(100);

    /// <summary>Watches <paramref name="processId"/> until <paramref name="command"/> completes; never throws.</summary>
    public static async Task EndOnceExitedAsync(int processId, string commandMarker, Task command, Action<IReadOnlyList<EndedProcess>> onEnded)
    {
        if (!OperatingSystem.IsLinux())
        {
            return;
        }

        try
        {
            // Null when it has exited and been reaped already (`sh -c 'server &'` is over in a millisecond).
            var started = LinuxProcess.Read(processId);
            while (started is not null && !command.IsCompleted && LinuxProcess.Read(processId) is { IsRunning: true } now && now.StartTime == started.StartTime)
            {
                await Task.WhenAny(command, Task.Delay(Poll)).ConfigureAwait(false);
            }

            if (command.IsCompleted || await Task.WhenAny(command, Task.Delay(Patience)).ConfigureAwait(false) == command)
            {
                return;
            }

            var ended = await Leftovers.EndAsync(ProcessTree.FindCommand(commandMarker)).ConfigureAwait(false);
            if (ended.Count > 0)
            {
                onEnded(ended);
            }
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            // /proc went away under us: the end-of-target sweep still finds what is left.
        }
    }

    public static string Warning(string commandLine, IReadOnlyCollection<EndedProcess> ended) =>
        $"warning: '{commandLine}' exited, but it left {Leftovers.Describe(ended)} and holding its output; ended " +
        $"{(ended.Count == 1 ? "it" : "them")}. Send a background process's output elsewhere (>/dev/null 2>&1), " +
        "or start a process that must outlive its target with context.StartDetachedAsync.";
}
