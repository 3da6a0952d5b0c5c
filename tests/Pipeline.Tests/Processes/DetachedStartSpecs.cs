using Pipeline.Tests.Support;

namespace Pipeline.Tests.Processes;

/// <summary>A process a target starts to outlive it (a local registry): still the engine's one path, but not swept.</summary>
public sealed class DetachedStartSpecs
{
    private static readonly Parameter<string> ApiKey = Parameter.Secret("A key the detached process is given");

    [Fact]
    public async Task A_detached_process_outlives_a_cancelled_run_and_carries_a_marker_that_says_it_is_ours()
    {
        LiveProcesses.SkipUnlessLinux();
        using var root = new TempRoot();
        using var cancellation = new CancellationTokenSource();
        var attachedPid = root.Path / "attached.pid";
        var detached = 0;
        var script = new Script().Target<A>(action: async c =>
        {
            detached = await c.StartDetachedAsync(new ToolCommand("sleep").AddArguments("300"));
            await c.RunAsync("sh", "-c", $"sleep 300 & echo $! > {attachedPid}; wait");
        });

        try
        {
            var running = script.RunAsync(["A"], new Dictionary<string, string>(), root, cancellation.Token);
            var attached = await LiveProcesses.ReadPidAsync(attachedPid);
            await cancellation.CancelAsync();
            var run = await running;

            Assert.Equal(ExitCodes.Canceled, run.ExitCode);
            await Wait.UntilAsync(() => !LiveProcesses.IsAlive(attached), TimeSpan.FromSeconds(10));
            Assert.True(LiveProcesses.IsAlive(detached), "the detached process was killed with the run");
            Assert.Matches("^detached/[0-9a-f]+/A$", LiveProcesses.EnvironmentVariable(detached, "PIPELINE_RUN_ID"));
            Assert.Equal(detached, SessionOf(detached)); // its own session: a Ctrl+C in the terminal does not reach it
            Assert.Contains("A │ > sleep 300 (detached)", run.Output);
        }
        finally
        {
            Kill(detached);
        }
    }

    [Fact]
    public async Task Its_command_line_is_masked_and_its_output_goes_to_the_file_asked_for()
    {
        LiveProcesses.SkipUnlessLinux();
        using var root = new TempRoot();
        var log = root.Path / "logs" / "server.log";
        var pid = 0;
        var script = new Script().Parameters(ApiKey).Target<A>(action: async c => pid = await c.StartDetachedAsync(
            new ToolCommand("sh").AddArguments("-c", "echo \"up in $(pwd) as $ROLE\"; echo warning >&2; exec sleep 300", "server", "key-5c1a9e")
                .WithWorkingDirectory(root.Path / ".nuke").WithEnvironment("ROLE", "registry").WithStandardOutputTo(log)));

        try
        {
            var run = await script.RunAsync(["A"], new Dictionary<string, string> { ["API_KEY"] = "key-5c1a9e" }, root);

            Assert.Equal(0, run.ExitCode);
            Assert.Contains($"A │ > sh -c 'echo \"up in $(pwd) as $ROLE\"; echo warning >&2; exec sleep 300' server *** (detached, output in {log})", run.Output);
            Assert.DoesNotContain("key-5c1a9e", run.All, StringComparison.Ordinal);
            await Wait.UntilAsync(() => File.Exists(log) && File.ReadAllLines(log).Length == 2, TimeSpan.FromSeconds(10));
            Assert.Equal([$"up in {root.Path / ".nuke"} as registry", "warning"], File.ReadAllLines(log).Order());
            Assert.True(LiveProcesses.IsAlive(pid));
        }
        finally
        {
            Kill(pid);
        }
    }

    [Fact]
    public async Task A_missing_executable_fails_at_once_rather_than_in_a_process_nobody_waits_for()
    {
        var script = new Script().Target<A>(action: c => c.StartDetachedAsync(new ToolCommand("no-such-server-anywhere").AddArguments("serve")));

        var run = await script.RunAsync("A");

        Assert.Equal(ExitCodes.TargetFailed, run.ExitCode);
        Assert.Contains("Could not start 'no-such-server-anywhere': it is not installed or not on PATH", run.Output);
    }

    [Fact]
    public async Task A_detached_process_cannot_be_given_standard_input()
    {
        var script = new Script().Target<A>(action: c => c.StartDetachedAsync(new ToolCommand("cat").WithStandardInput("data")));

        var run = await script.RunAsync("A");

        Assert.Equal(ExitCodes.TargetFailed, run.ExitCode);
        Assert.Contains("is started detached, with no standard input", run.Output);
    }

    private static int SessionOf(int pid)
    {
        var stat = File.ReadAllText($"/proc/{pid}/stat");
        var fields = stat[(stat.LastIndexOf(')') + 2)..].Split(' ');
        return int.Parse(fields[3], System.Globalization.CultureInfo.InvariantCulture); // state, ppid, pgrp, session
    }

    private static void Kill(int pid)
    {
        if (pid <= 0)
        {
            return;
        }

        try
        {
            using var process = System.Diagnostics.Process.GetProcessById(pid);
            process.Kill(entireProcessTree: true);
        }
        catch (ArgumentException)
        {
            // Already gone.
        }
    }
}
