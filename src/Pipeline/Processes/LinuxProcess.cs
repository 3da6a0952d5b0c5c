using System.Globalization;

namespace Pipeline.Processes;

/// <summary>
/// What <c>/proc/PID/stat</c> says about one process: its parent, whether it has already exited (a
/// zombie waiting for its parent to reap it), and when it started, which tells a process apart from
/// a later one that got the same pid.
/// </summary>
/// <param name="StartTime">Clock ticks after boot (field 22 of <c>stat</c>).</param>
internal sealed record LinuxProcess(int Pid, int ParentPid, bool Exited, long StartTime)
{
    /// <summary>Null when the process is gone (or this is not Linux).</summary>
    public static LinuxProcess? Read(int pid)
    {
        string stat;
        try
        {
            stat = File.ReadAllText($"/proc/{pid}/stat");
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            return null;
        }

        // The command, in parentheses, may hold spaces and parentheses itself: the fields start after the last ')'.
        var fields = stat[(stat.LastIndexOf(')') + 2)..].Split(' ');
        return new LinuxProcess(
            pid,
            int.Parse(fields[1], CultureInfo.InvariantCulture),
            fields[0] is "Z" or "X",
            long.Parse(fields[19], CultureInfo.InvariantCulture));
    }

    public bool IsRunning => !Exited;

    /// <summary>The executable's name as the kernel keeps it (at most 15 characters), for messages.</summary>
    public string Command
    {
        get
        {
            try
            {
                return File.ReadAllText($"/proc/{Pid}/comm").TrimEnd('\n');
            }
            catch (Exception e) when (e is IOException or UnauthorizedAccessException)
            {
                return "?";
            }
        }
    }

    /// <summary>Our direct children: since we are a child subreaper, also every orphaned descendant.</summary>
    public static IEnumerable<LinuxProcess> ChildrenOf(int parent)
    {
        if (!OperatingSystem.IsLinux())
        {
            yield break;
        }

        foreach (var directory in Directory.EnumerateDirectories("/proc"))
        {
            if (int.TryParse(Path.GetFileName(directory), out var pid) && Read(pid) is { } process && process.ParentPid == parent)
            {
                yield return process;
            }
        }
    }
}
