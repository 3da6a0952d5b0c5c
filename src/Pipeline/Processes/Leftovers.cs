using System.Diagnostics;

namespace Pipeline.Processes;

/// <summary>A process that was ended as a leftover, as it was named before it went.</summary>
internal sealed record EndedProcess(int Pid, string Command);

/// <summary>
/// Ends processes nobody should have left running the way a careful user would: SIGTERM, a short
/// grace to exit cleanly, then SIGKILL. Linux only, like the searches that find them.
/// </summary>
internal static class Leftovers
{
    public static readonly TimeSpan Grace = TimeSpan.FromSeconds(2);

    // After SIGKILL the kernel needs a moment to tear a process down; the run must not end before that.
    private static readonly TimeSpan KillWait = TimeSpan.FromSeconds(2);

    /// <summary>Ends <paramref name="pids"/> (those still running, and not a <see cref="BuildServers">build server</see>); returns what it ended.</summary>
    public static async Task<IReadOnlyList<EndedProcess>> EndAsync(IEnumerable<int> pids)
    {
        // Named and dated first: once signalled, /proc no longer says what they were, and a pid may be reused.
        var ending = pids.Distinct()
            .Select(LinuxProcess.Read)
            .OfType<LinuxProcess>()
            .Where(p => p.IsRunning && !BuildServers.IsBuildServer(p.Pid))
            .ToList();
        if (ending.Count == 0)
        {
            return [];
        }

        var named = ending.ToDictionary(p => p.Pid, p => new EndedProcess(p.Pid, p.Command));

        // Only what we may signal counts: a process of another user's is not ours to end, nor to report.
        ending.RemoveAll(p => !Libc.Signal(p.Pid, Libc.SigTerm));
        var ended = ending.Select(p => named[p.Pid]).ToList();

        if (!await AllGoneAsync(ending, Grace).ConfigureAwait(false))
        {
            foreach (var process in ending.Where(StillRunning))
            {
                Libc.Signal(process.Pid, Libc.SigKill);
            }

            await AllGoneAsync(ending, KillWait).ConfigureAwait(false);
        }

        return ended;
    }

    /// <summary>"2 processes running (1234 sleep, 1240 node)" without the word running: for one-line messages.</summary>
    public static string Describe(IReadOnlyCollection<EndedProcess> ended) =>
        $"{Count(ended.Count)} running ({string.Join(", ", ended.Select(p => $"{p.Pid} {p.Command}"))})";

    public static string Count(int processes) => processes == 1 ? "1 process" : $"{processes} processes";

    private static async Task<bool> AllGoneAsync(List<LinuxProcess> processes, TimeSpan timeout)
    {
        var clock = Stopwatch.StartNew();
        while (processes.Any(StillRunning))
        {
            if (clock.Elapsed > timeout)
            {
                return false;
            }

            await Task.Delay(20).ConfigureAwait(false);
        }

        return true;
    }

    /// <summary>The same process (not a later one with its pid), not yet exited: a zombie has ended.</summary>
    private static bool StillRunning(LinuxProcess process) =>
        LinuxProcess.Read(process.Pid) is { IsRunning: true } now && now.StartTime == process.StartTime;
}
