namespace Pipeline;

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

        var extensions = OperatingSystem.IsWindows()
            ? ["", .. (variables.GetValueOrDefault("PATHEXT") ?? ".COM;.EXE;.BAT;.CMD").Split(';', StringSplitOptions.RemoveEmptyEntries)]
            : new[] { "" };
        return PathDirectories(variables)
            .SelectMany(directory => extensions.Select(extension => Path.Combine(directory, executable + extension)))
            .FirstOrDefault(IsExecutable);
    }

    /// <summary>A required tool: its executable, else the first of its alternatives that is there (see <see cref="RequiredTool.Alternatives"/>).</summary>
    public static string? Find(RequiredTool tool, IReadOnlyDictionary<string, string> variables) =>
        Find(tool.Executable, variables) ?? tool.Alternatives.Select(a => FindAlternative(a, variables)).FirstOrDefault(path => path is not null);

    private static string? FindAlternative(string alternative, IReadOnlyDictionary<string, string> variables)
    {
        if (!alternative.Contains('*', StringComparison.Ordinal))
        {
            return Find(alternative.StartsWith("~/", StringComparison.Ordinal) ? Home(variables) + alternative[1..] : alternative, variables);
        }

        if (!alternative.Contains('/', StringComparison.Ordinal))
        {
            // A name pattern on PATH: the first folder with a match wins, and in it the highest version.
            return PathDirectories(variables)
                .Where(Directory.Exists)
                .Select(directory => Directory.EnumerateFiles(directory, alternative).Where(IsExecutable).OrderBy(f => f.Length).ThenBy(f => f, StringComparer.Ordinal).LastOrDefault())
                .FirstOrDefault(path => path is not null);
        }

        var full = alternative.StartsWith("~/", StringComparison.Ordinal) ? Home(variables) + alternative[1..] : alternative;
        if (!Path.IsPathRooted(full))
        {
            return null; // a relative pattern would depend on where the run started
        }

        var segments = full.Split('/', StringSplitOptions.RemoveEmptyEntries);
        IEnumerable<string> folders = [Path.GetPathRoot(full) ?? "/"];
        foreach (var segment in segments[..^1])
        {
            folders = segment.Contains('*', StringComparison.Ordinal)
                ? folders.Where(Directory.Exists).SelectMany(f => Directory.EnumerateDirectories(f, segment).Order(StringComparer.Ordinal))
                : folders.Select(f => Path.Combine(f, segment));
        }

        return folders.Select(f => Path.Combine(f, segments[^1])).FirstOrDefault(IsExecutable);
    }

    // A run's variables normally are the process's own; a test may give a PATH (or HOME) of its own,
    // and otherwise a process starts from the PATH this process has.
    private static string[] PathDirectories(IReadOnlyDictionary<string, string> variables) =>
        (variables.GetValueOrDefault("PATH") ?? Environment.GetEnvironmentVariable("PATH") ?? "")
            .Split(Path.PathSeparator, StringSplitOptions.RemoveEmptyEntries);

    private static string Home(IReadOnlyDictionary<string, string> variables) =>
        (variables.GetValueOrDefault("HOME") ?? Environment.GetFolderPath(Environment.SpecialFolder.UserProfile)).TrimEnd('/');

    private static bool IsExecutable(string file) =>
        File.Exists(file) && (OperatingSystem.IsWindows() ||
            (File.GetUnixFileMode(file) & (UnixFileMode.UserExecute | UnixFileMode.GroupExecute | UnixFileMode.OtherExecute)) != 0);
}
