using System.Diagnostics;
using Pipeline.Tests.Support;

namespace Pipeline.Tests.Cli;

/// <summary>A pipeline started as its own process: exit codes, and signals that must leave nothing running.</summary>
public sealed class ProcessExitSpecs
{
    [Theory]
    [InlineData(new[] { "Hello" }, ExitCodes.Success)]
    [InlineData(new[] { "Fail" }, ExitCodes.TargetFailed)]
    [InlineData(new[] { "Hallo" }, ExitCodes.Usage)]
    [InlineData(new[] { "Sleep" }, ExitCodes.Usage)] // requires --pid-file
    public async Task The_exit_code_says_what_happened(string[] args, int expected)
    {
        using var root = new TempRoot();
        var result = await Repo.RunAsync("dotnet", [Repo.FixtureDll, .. args], root.Path, root.Path);

        Assert.Equal(expected, result.ExitCode);
    }

    [Theory]
    [InlineData("TERM")]
    [InlineData("INT")]
    public async Task A_signal_cancels_the_run_and_kills_the_process_tree(string signal)
    {
        LiveProcesses.SkipUnlessLinux();
        using var root = new TempRoot();
        var pidFile = root.Path / "sleeper.pid";
        using var pipeline = Process.Start(new ProcessStartInfo("dotnet", [Repo.FixtureDll, "Sleep", "--pid-file", pidFile])
        {
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            WorkingDirectory = root.Path,
            Environment = { [PipelineEnvironment.RootVariable] = root.Path },
        })!;
        var output = pipeline.StandardOutput.ReadToEndAsync();

        var sleeper = await LiveProcesses.ReadPidAsync(pidFile);
        Assert.True(LiveProcesses.IsAlive(sleeper));
        using (var kill = Process.Start("kill", ["-" + signal, pipeline.Id.ToString(System.Globalization.CultureInfo.InvariantCulture)]))
        {
            await kill.WaitForExitAsync();
        }

        using var timeout = new CancellationTokenSource(TimeSpan.FromSeconds(30));
        await pipeline.WaitForExitAsync(timeout.Token);

        Assert.Equal(ExitCodes.Canceled, pipeline.ExitCode);
        Assert.Contains("canceled", await output);
        await Wait.UntilAsync(() => !LiveProcesses.IsAlive(sleeper), TimeSpan.FromSeconds(10));
    }
}
