namespace Pipeline.Processes;

/// <summary>
/// Servers a build tool starts on purpose to outlive the build and make the next one fast: MSBuild's
/// reusable nodes and build server, the C# compiler server, Razor's compiler server, Gradle's daemon.
/// They carry the marker of the target whose <c>dotnet build</c> started them, yet they are not
/// leftovers: ending them would slow every later build down, and fail a parallel build that had just
/// picked up an idle node. They are told apart by their command line.
/// </summary>
internal static class BuildServers
{
    private static readonly string[] Signatures =
    [
        "nodemode:",          // MSBuild worker nodes and the MSBuild server (/nodemode:1, -nodemode:8)
        "VBCSCompiler",       // the Roslyn compiler server
        "rzc.dll server",     // the Razor compiler server
        "GradleDaemon",       // org.gradle.launcher.daemon.bootstrap.GradleDaemon
    ];

    public static bool IsBuildServer(int pid)
    {
        string commandLine;
        try
        {
            // Arguments are NUL-separated; spaces make "rzc.dll server" match across two of them.
            commandLine = File.ReadAllText($"/proc/{pid}/cmdline").Replace('\0', ' ');
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            return false;
        }

        return Signatures.Any(s => commandLine.Contains(s, StringComparison.OrdinalIgnoreCase));
    }
}
