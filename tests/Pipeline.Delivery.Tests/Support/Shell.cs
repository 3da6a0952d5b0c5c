using CliWrap;
using CliWrap.Buffered;

namespace Pipeline.Delivery.Tests.Support;

/// <summary>Runs a tool the way a person would in a terminal, and fails the test when it fails.</summary>
internal static class Shell
{
    public static async Task<string> RunAsync(string executable, IEnumerable<string> arguments, string? workingDirectory = null, string? input = null)
    {
        var result = await TryRunAsync(executable, arguments, workingDirectory, input);
        Assert.True(result.ExitCode == 0, $"{executable} {string.Join(' ', arguments)} exited {result.ExitCode}:\n{result.StandardOutput}\n{result.StandardError}");
        return result.StandardOutput.Trim();
    }

    public static async Task<BufferedCommandResult> TryRunAsync(string executable, IEnumerable<string> arguments, string? workingDirectory = null, string? input = null)
    {
        using var timeout = CancellationTokenSource.CreateLinkedTokenSource(TestContext.Current.CancellationToken);
        timeout.CancelAfter(TimeSpan.FromMinutes(3));
        var command = CliWrap.Cli.Wrap(executable).WithArguments(arguments).WithValidation(CommandResultValidation.None);
        if (workingDirectory is not null)
        {
            command = command.WithWorkingDirectory(workingDirectory);
        }

        if (input is not null)
        {
            command = command.WithStandardInputPipe(PipeSource.FromString(input));
        }

        return await command.ExecuteBufferedAsync(timeout.Token);
    }

    /// <summary>A git repository with one commit (and the tags given) in <paramref name="directory"/>.</summary>
    public static async Task<string> GitRepositoryAsync(AbsolutePath directory, string branch = "main", params string[] tags)
    {
        string[] identity = ["-c", "user.name=Pipeline Tests", "-c", "user.email=tests@example.invalid", "-c", "commit.gpgsign=false", "-c", "tag.gpgsign=false"];
        await RunAsync("git", ["init", "--quiet", "--initial-branch", branch], directory);
        await RunAsync("git", ["add", "--all"], directory);
        await RunAsync("git", [.. identity, "commit", "--quiet", "--allow-empty", "--message", "test commit"], directory);
        foreach (var tag in tags)
        {
            await RunAsync("git", [.. identity, "tag", "--annotate", tag, "--message", tag], directory);
        }

        return await RunAsync("git", ["rev-parse", "HEAD"], directory);
    }
}
