namespace Pipeline.Processes;

/// <summary>Finds an executable the way a shell would: a path as given, or a name on <c>PATH</c> (with <c>PATHEXT</c> on Windows).</summary>
internal static class ExecutableSearch
{
    /// <summary>The full path the executable would start from, or null when it is not there.</summary>
    public static string? Find(string executable, IReadOnlyDictionary<string, string> variables)
    {
        if (executable.Contains('/', StringComparison.Ordinal) || executable.Contains(Path.DirectorySeparatorChar, StringComparison.Ordinal))
        {
            return IsExecutable(executable) ? Path.GetFullPath(executable) : null;
        }

        // A run's variables normally are the process's own; a test may give a PATH of its own,
        // and otherwise a process starts from the PATH this process has.
        var path = variables.GetValueOrDefault("PATH") ?? Environment.GetEnvironmentVariable("PATH") ?? "";
        var extensions = OperatingSystem.IsWindows()
            ? ["", .. (variables.GetValueOrDefault("PATHEXT") ?? ".COM;.EXE;.BAT;.CMD").Split(';', StringSplitOptions.RemoveEmptyEntries)]
            : new[] { "" };
        return path.Split(Path.PathSeparator, StringSplitOptions.RemoveEmptyEntries)
            .SelectMany(directory => extensions.Select(extension => Path.Combine(directory, executable + extension)))
            .FirstOrDefault(IsExecutable);
    }

    private static bool IsExecutable(string file) =>
        File.Exists(file) && (OperatingSystem.IsWindows() ||
            (File.GetUnixFileMode(file) & (UnixFileMode.UserExecute | UnixFileMode.GroupExecute | UnixFileMode.OtherExecute)) != 0);
}
