using System.Diagnostics;
using System.Text;

namespace Pipeline.Processes;

/// <summary>
/// Finds and kills every process a run started, however deep. Killing the direct child's tree is
/// not enough on Unix: a grandchild whose parent already exited is re-parented to init and falls
/// out of the tree. Every process we start carries <see cref="MarkerVariable"/> in its environment
/// and its descendants inherit it, so on Linux we also scan <c>/proc/*/environ</c> for it (the way
/// Jenkins' process-tree killer finds builds' strays).
/// </summary>
internal static class ProcessTree
{
    public const string MarkerVariable = "PIPELINE_RUN_ID";

    /// <summary>Starts the marker of every process a target started detached, whatever the run.</summary>
    public const string DetachedPrefix = "detached/";

    /// <summary>What the markers of the processes one target starts in one run begin with.</summary>
    public static string MarkerFor(string runId, string target) => runId + "/" + target;

    /// <summary>
    /// The marker of one command a target runs (the target's, then <c>#</c> and a number): what that
    /// command leaves behind can be told apart from what the target's other commands still run.
    /// </summary>
    public static string CommandMarkerFor(string targetMarker, long command) =>
        targetMarker + "#" + command.ToString(System.Globalization.CultureInfo.InvariantCulture);

    /// <summary>
    /// The marker of a process one target starts detached (<see cref="TargetContext.StartDetachedAsync"/>).
    /// It does not begin with the run's id, so neither the target's cancellation nor the sweep at the
    /// end of a cancelled run kills it: it is meant to outlive both. It still says it is ours, so a
    /// search for leftovers (<see cref="FindMarked(string)"/> with <see cref="DetachedPrefix"/>) finds it.
    /// </summary>
    public static string DetachedMarkerFor(string runId, string target) => DetachedPrefix + MarkerFor(runId, target);

    /// <summary>Kills every live process of one command (<paramref name="commandMarker"/>); returns how many.</summary>
    public static int KillCommand(string commandMarker) => Kill(FindCommand(commandMarker));

    /// <summary>Kills every live process of one run (<paramref name="runId"/>); returns how many.</summary>
    public static int KillRun(string runId) => Kill(FindMarked(runId, wholeRun: true));

    private static int Kill(IEnumerable<int> pids)
    {
        var killed = 0;
        foreach (var pid in pids)
        {
            try
            {
                using var process = Process.GetProcessById(pid);
                process.Kill(entireProcessTree: true);
                killed++;
            }
            catch (Exception e) when (e is ArgumentException or InvalidOperationException or System.ComponentModel.Win32Exception)
            {
                // Already gone, or not ours to kill.
            }
        }

        return killed;
    }

    /// <summary>
    /// Live processes of any command of one target (<paramref name="marker"/> from <see cref="MarkerFor"/>),
    /// or, with <paramref name="wholeRun"/> and a run id, of any target of that run. Detached processes
    /// never match: their marker starts otherwise.
    /// </summary>
    public static IEnumerable<int> FindMarked(string marker, bool wholeRun) => FindMarked(wholeRun ? marker + "/" : marker + "#");

    /// <summary>Live processes of one command: those carrying exactly <paramref name="commandMarker"/> (from <see cref="CommandMarkerFor"/>).</summary>
    public static IEnumerable<int> FindCommand(string commandMarker) => FindMarked(commandMarker + "\0");

    /// <summary>The value of <see cref="MarkerVariable"/> in a live process's environment, or null.</summary>
    public static string? MarkerOf(int pid)
    {
        try
        {
            var prefix = MarkerVariable + "=";
            return File.ReadAllText($"/proc/{pid}/environ").Split('\0').FirstOrDefault(e => e.StartsWith(prefix, StringComparison.Ordinal))?[prefix.Length..];
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            return null;
        }
    }

    /// <summary>Processes whose environment has <c>PIPELINE_RUN_ID=</c> followed by <paramref name="valueStart"/>.</summary>
    public static IEnumerable<int> FindMarked(string valueStart)
    {
        if (!OperatingSystem.IsLinux())
        {
            yield break; // elsewhere the entire-tree kill of the direct child is what we have
        }

        // Entries in /proc/PID/environ are NUL-separated; the NUL before the name stops a match inside another value.
        var needle = Encoding.UTF8.GetBytes("\0" + MarkerVariable + "=" + valueStart);
        var self = Environment.ProcessId;
        foreach (var directory in Directory.EnumerateDirectories("/proc"))
        {
            if (!int.TryParse(Path.GetFileName(directory), out var pid) || pid == self)
            {
                continue;
            }

            byte[] environ;
            try
            {
                environ = File.ReadAllBytes(Path.Combine(directory, "environ"));
            }
            catch (Exception e) when (e is IOException or UnauthorizedAccessException)
            {
                continue;
            }

            if (environ.Length > 0 && (environ.AsSpan().IndexOf(needle) >= 0 || environ.AsSpan().StartsWith(needle.AsSpan(1))))
            {
                yield return pid;
            }
        }
    }
}
