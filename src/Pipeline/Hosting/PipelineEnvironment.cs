using System.Collections;
using Pipeline.Execution;

namespace Pipeline;

/// <summary>
/// Everything a run takes from the outside world, passed in rather than read from statics, so tests
/// run whole pipelines in-process with their own root, variables and writers.
/// </summary>
public sealed record PipelineEnvironment(
    AbsolutePath RootDirectory,
    IReadOnlyDictionary<string, string> Variables,
    TextWriter Out,
    TextWriter Error,
    int ProcessorCount,
    bool UseColor)
{
    public const string RootVariable = "PIPELINE_ROOT";

    public bool IsGitHubActions => Variables.GetValueOrDefault("GITHUB_ACTIONS") == "true";

    /// <summary>The clock targets get as <see cref="TargetContext.Clock"/> (and retries wait on); a test may pass a fake one.</summary>
    public TimeProvider Clock { get; init; } = TimeProvider.System;

    /// <summary>
    /// The run is the only one in this process (<see cref="PipelineBuilder.RunAsync(string[])"/>), so it
    /// may adopt the process's orphans and end them; a test host runs many pipelines side by side and must not.
    /// </summary>
    internal bool OwnsProcess { get; init; }

    /// <summary>The real process: its environment, console, and the repository root (see <see cref="FindRoot"/>).</summary>
    public static PipelineEnvironment FromProcess()
    {
        var variables = Environment.GetEnvironmentVariables()
            .Cast<DictionaryEntry>()
            .ToDictionary(e => (string)e.Key, e => (string?)e.Value ?? "", StringComparer.Ordinal);
        var color = !Console.IsOutputRedirected && !variables.ContainsKey("NO_COLOR") && variables.GetValueOrDefault("TERM") != "dumb";
        return new PipelineEnvironment(
            FindRoot(variables),
            variables,
            ConsoleCapture.Original(Console.Out),
            ConsoleCapture.Original(Console.Error),
            Environment.ProcessorCount,
            color || variables.ContainsKey("FORCE_COLOR"));
    }

    /// <summary>
    /// <c>$PIPELINE_ROOT</c> (set by build.sh), else the nearest directory holding <c>.nuke/</c> above
    /// the build's binaries (the IDE case), else above the working directory.
    /// </summary>
    public static AbsolutePath FindRoot(IReadOnlyDictionary<string, string> variables)
    {
        if (variables.GetValueOrDefault(RootVariable) is { Length: > 0 } root)
        {
            return new AbsolutePath(Path.GetFullPath(root));
        }

        return Above(AppContext.BaseDirectory) ?? Above(Environment.CurrentDirectory) ?? new AbsolutePath(Environment.CurrentDirectory);

        static AbsolutePath? Above(string start)
        {
            for (var directory = new DirectoryInfo(start); directory is not null; directory = directory.Parent)
            {
                if (Directory.Exists(Path.Combine(directory.FullName, ".nuke")))
                {
                    return new AbsolutePath(directory.FullName);
                }
            }

            return null;
        }
    }
}
