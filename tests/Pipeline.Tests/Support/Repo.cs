using CliWrap;
using CliWrap.Buffered;

namespace Pipeline.Tests.Support;

/// <summary>This repository (found above the test binaries) and commands run against it as real processes.</summary>
internal static class Repo
{
    public static AbsolutePath Root { get; } = FindRoot();

    public static string FixtureDll => Path.Combine(AppContext.BaseDirectory, "Pipeline.Fixture.dll");

    public static async Task<BufferedCommandResult> RunAsync(
        string executable, IEnumerable<string> arguments, string? workingDirectory = null, string? pipelineRoot = null)
    {
        using var timeout = CancellationTokenSource.CreateLinkedTokenSource(TestContext.Current.CancellationToken);
        timeout.CancelAfter(TimeSpan.FromMinutes(4));
        return await CliWrap.Cli.Wrap(executable)
            .WithArguments(arguments)
            .WithWorkingDirectory(workingDirectory ?? Root)
            .WithEnvironmentVariables(e => e.Set("GITHUB_ACTIONS", null).Set("NO_COLOR", "1").Set(PipelineEnvironment.RootVariable, pipelineRoot))
            .WithValidation(CommandResultValidation.None)
            .ExecuteBufferedAsync(timeout.Token);
    }

    public static Task<BufferedCommandResult> BuildShAsync(params string[] arguments) => RunAsync(Root / "build.sh", arguments);

    private static AbsolutePath FindRoot()
    {
        for (var directory = new DirectoryInfo(AppContext.BaseDirectory); directory is not null; directory = directory.Parent)
        {
            if (File.Exists(Path.Combine(directory.FullName, "build.sh")) && Directory.Exists(Path.Combine(directory.FullName, ".nuke")))
            {
                return new AbsolutePath(directory.FullName);
            }
        }

        throw new InvalidOperationException("The tests run from inside the repository; no build.sh was found above " + AppContext.BaseDirectory);
    }
}
