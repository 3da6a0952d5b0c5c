using System.Collections.Concurrent;

namespace Pipeline.Processes;

/// <summary>
/// Reaps the processes a <see cref="Subreaper"/> adopted once they exit. .NET reaps only the
/// children it started, so an adopted process that exits (a detached registry that is stopped, a
/// daemon `pg_ctl stop` ends) would stay a zombie for the rest of the run — and anything waiting
/// for its pid to disappear (`kill -0` loops, <c>Process.WaitForExit</c> on a pid) would wait forever.
/// <para>
/// Reaping a child .NET tracks would be fatal (.NET fails fast when its own <c>waitpid</c> finds the
/// child gone), so a zombie is reaped only when it is not one <see cref="ProcessRunner"/> started and
/// has stayed a zombie for a whole <see cref="Patience"/>: .NET reaps its own children as soon as
/// SIGCHLD arrives, so one that lingers is not .NET's.
/// </para>
/// </summary>
internal static class AdoptedZombies
{
    public static readonly TimeSpan Patience = TimeSpan.FromSeconds(1);

    private static readonly TimeSpan Interval = TimeSpan.FromMilliseconds(500);

    /// <summary>Pids of the processes ProcessRunner started that have not been reaped by .NET yet.</summary>
    private static readonly ConcurrentDictionary<int, byte> Started = new();

    public static void StartedByUs(int pid) => Started[pid] = 0;

    public static void ReapedByDotNet(int pid) => Started.TryRemove(pid, out _);

    /// <summary>Reaps until <paramref name="stop"/> fires; Linux only, once the process is a subreaper.</summary>
    public static async Task ReapUntilAsync(CancellationToken stop)
    {
        var firstSeen = new Dictionary<(int Pid, long StartTime), DateTime>();
        while (!stop.IsCancellationRequested)
        {
            var now = DateTime.UtcNow;
            var zombies = LinuxProcess.ChildrenOf(Environment.ProcessId).Where(p => p.Exited && !Started.ContainsKey(p.Pid)).ToList();
            foreach (var zombie in zombies)
            {
                var key = (zombie.Pid, zombie.StartTime);
                if (!firstSeen.TryAdd(key, now) && now - firstSeen[key] >= Patience)
                {
                    Libc.Reap(zombie.Pid);
                }
            }

            foreach (var gone in firstSeen.Keys.Except(zombies.Select(z => (z.Pid, z.StartTime))).ToList())
            {
                firstSeen.Remove(gone);
            }

            try
            {
                await Task.Delay(Interval, stop).ConfigureAwait(false);
            }
            catch (OperationCanceledException)
            {
                return;
            }
        }
    }
}
