using System.Globalization;
using Pipeline.Processes;

namespace Pipeline.Hosting;

/// <summary>
/// Says that a run of this repository is going: <c>.nuke/temp/runs/&lt;runId&gt;</c> holds the
/// pipeline's pid and its process's start time, and is deleted when the run ends. A run killed with
/// SIGKILL (or a second Ctrl+C) cannot end its processes and leaves its file behind; the next run
/// finds it, sees its process gone (or the pid now another process's: the start time differs), and
/// ends what still carries that run's marker. A file naming a live process is another run going on
/// in the same repository, and its processes are left alone. Linux only, like the marker search.
/// </summary>
internal sealed class RunFile : IDisposable
{
    private readonly string _path;

    private RunFile(string path) => _path = path;

    public static string DirectoryOf(AbsolutePath root) => root / ".nuke" / "temp" / "runs";

    /// <summary>
    /// Where one run's held-back GitHub Actions output spills: a folder per run, so the next run can
    /// delete what a killed one left without touching a live run's files.
    /// </summary>
    public static AbsolutePath HeldOutputOf(AbsolutePath root, string runId) => root / ".nuke" / "temp" / "held-output" / runId;

    /// <summary>Writes this run's file; null where there is no marker search to clean up after it.</summary>
    public static RunFile? Write(AbsolutePath root, string runId)
    {
        if (!OperatingSystem.IsLinux() || LinuxProcess.Read(Environment.ProcessId) is not { } self)
        {
            return null;
        }

        var directory = DirectoryOf(root);
        var path = Path.Combine(directory, runId);
        try
        {
            Directory.CreateDirectory(directory);

            // Written aside and moved in: another run starting now never reads half a file.
            var partial = path + ".partial";
            File.WriteAllText(partial, string.Create(CultureInfo.InvariantCulture, $"{self.Pid} {self.StartTime}\n"));
            File.Move(partial, path, overwrite: true);
            return new RunFile(path);
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            return null; // a read-only checkout: the run goes on, only a later run cannot clean up after it
        }
    }

    /// <summary>
    /// Ends the processes of every run whose file is left and whose pipeline is gone, deletes its file,
    /// and returns one line for each run that had processes left.
    /// </summary>
    public static async Task<IReadOnlyList<string>> EndDeadRunsAsync(AbsolutePath root)
    {
        var directory = DirectoryOf(root);
        if (!OperatingSystem.IsLinux() || !Directory.Exists(directory))
        {
            return [];
        }

        var notes = new List<string>();
        foreach (var file in Directory.EnumerateFiles(directory).Where(f => !f.EndsWith(".partial", StringComparison.Ordinal)))
        {
            if (ReadOwner(file) is not var (pid, startTime) || IsRunning(pid, startTime))
            {
                continue;
            }

            var runId = Path.GetFileName(file);
            var ended = await Leftovers.EndAsync(ProcessTree.FindMarked(runId, wholeRun: true)).ConfigureAwait(false);
            if (ended.Count > 0)
            {
                notes.Add($"note: ended {Leftovers.Count(ended.Count)} left running by an earlier run that was killed (pid {pid})");
            }

            DeleteFolder(HeldOutputOf(root, runId));
            Delete(file);
        }

        return notes;
    }

    public void Dispose() => Delete(_path);

    /// <summary>A run's own folder under <c>.nuke/temp</c>, once nothing in it is needed (its files were streamed out or its run is dead).</summary>
    public static void DeleteFolder(string folder)
    {
        try
        {
            if (Directory.Exists(folder))
            {
                Directory.Delete(folder, recursive: true);
            }
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            // Read-only or in use: left for a later run, which tries again.
        }
    }

    private static void Delete(string file)
    {
        try
        {
            File.Delete(file);
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            // Another run starting now deleted it first, or the folder is read-only: nothing to do.
        }
    }

    private static (int Pid, long StartTime)? ReadOwner(string file)
    {
        try
        {
            var fields = File.ReadAllText(file).Split(' ', StringSplitOptions.TrimEntries);
            return fields.Length == 2
                && int.TryParse(fields[0], NumberStyles.None, CultureInfo.InvariantCulture, out var pid)
                && long.TryParse(fields[1], NumberStyles.None, CultureInfo.InvariantCulture, out var startTime)
                ? (pid, startTime)
                : null;
        }
        catch (IOException)
        {
            return null; // deleted meanwhile: that run just ended
        }
    }

    /// <summary>A zombie is gone too: a pipeline killed with SIGKILL stays one until its parent reaps it.</summary>
    private static bool IsRunning(int pid, long startTime) =>
        LinuxProcess.Read(pid) is { IsRunning: true } process && process.StartTime == startTime;
}
