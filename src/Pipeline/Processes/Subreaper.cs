namespace Pipeline.Processes;

/// <summary>
/// Makes the pipeline process a child subreaper (Linux, <c>prctl(PR_SET_CHILD_SUBREAPER)</c>): every
/// descendant whose parent exits is re-parented to us instead of to init. A daemon that left our
/// session (<c>setsid</c>) and dropped our marker (<c>env -i</c>) escapes every other search, but not
/// this one: it is our direct child. At the end of a run nothing of ours runs any more, so every
/// direct child still running is a leftover, except processes started detached on purpose (their
/// launcher exits at once, so they are re-parented to us too).
/// <para>
/// Zombies: a re-parented process that exits stays a zombie until we reap it; .NET reaps only the
/// children it started. <see cref="AdoptedZombies"/> reaps the adopted ones while the run goes on,
/// carefully (a stolen <c>waitpid</c> is fatal to .NET), and the leftovers ended at the end count a
/// zombie as ended.
/// </para>
/// Elsewhere (macOS, Windows) nothing is adopted: the entire-tree kill of each process we start is
/// what there is, as before.
/// </summary>
internal static class Subreaper
{
    /// <summary>Once, at the start of a run that owns its process (never inside a test host running many runs).</summary>
    public static bool Become() => OperatingSystem.IsLinux() && Libc.BecomeChildSubreaper();

    /// <summary>
    /// Ends every direct child still running but the detached ones; returns what it ended. Ending a
    /// leftover re-parents its own children to us, so it looks again, a few times at most.
    /// </summary>
    public static async Task<IReadOnlyList<EndedProcess>> EndLeftoversAsync()
    {
        var ended = new List<EndedProcess>();
        for (var round = 0; round < 3; round++)
        {
            var leftovers = LinuxProcess.ChildrenOf(Environment.ProcessId)
                .Where(p => p.IsRunning && ProcessTree.MarkerOf(p.Pid)?.StartsWith(ProcessTree.DetachedPrefix, StringComparison.Ordinal) != true)
                .Select(p => p.Pid)
                .ToList();
            if (leftovers.Count == 0)
            {
                break;
            }

            ended.AddRange(await Leftovers.EndAsync(leftovers).ConfigureAwait(false));
        }

        return ended;
    }
}
