using System.Diagnostics;
using System.Globalization;
using System.Text.RegularExpressions;
using Pipeline.Tests.Support;

namespace Pipeline.Tests.Processes;

/// <summary>
/// Nothing a run starts survives it unless it was started detached on purpose: not a daemon that left
/// our process group and dropped our marker, not what a target left running, not what a run that was
/// killed with SIGKILL left behind.
/// </summary>
public sealed class LeftoverProcessSpecs
{
    [Fact]
    public async Task After_Ctrl_C_a_daemon_that_left_the_session_and_dropped_the_marker_is_gone_and_a_detached_process_lives_on()
    {
        LiveProcesses.SkipUnlessLinux();
        using var root = new TempRoot();
        var pidFile = root.Path / "daemon.pid";
        var daemon = 0;
        var detached = 0;
        // setsid: the pipeline leads a process group of its own, so the Ctrl+C below reaches it and its children only.
        using var pipeline = StartPipeline(root, "setsid", "dotnet", Repo.FixtureDll, "Daemon", "--pid-file", pidFile);
        try
        {
            daemon = await LiveProcesses.ReadPidAsync(pidFile);
            detached = await LiveProcesses.ReadPidAsync(new AbsolutePath(pidFile + ".detached"));
            Assert.Null(LiveProcesses.EnvironmentVariable(daemon, "PIPELINE_RUN_ID")); // env -i: nothing marks it as ours

            await SignalAsync("-INT", "-" + pipeline.Id.ToString(CultureInfo.InvariantCulture)); // Ctrl+C: the whole foreground group
            await WaitForExitAsync(pipeline);

            Assert.Equal(ExitCodes.Canceled, pipeline.ExitCode);
            Assert.False(LiveProcesses.IsAlive(daemon), "the daemon outlived the run");
            Assert.True(LiveProcesses.IsAlive(detached), "the process started detached on purpose was ended with the run");
        }
        finally
        {
            Kill(daemon);
            Kill(detached);
        }
    }

    [Fact]
    public async Task What_a_target_leaves_running_is_ended_when_it_ends_with_one_warning_naming_it()
    {
        LiveProcesses.SkipUnlessLinux();
        using var root = new TempRoot();
        var pidFile = root.Path / "left.pid";
        var detached = 0;
        var script = new Script()
            .Target<A>(action: c => c.RunAsync("sh", "-c", $"sleep 300 >/dev/null 2>&1 & echo $! > {pidFile}"))
            .Target<B>(action: async c => detached = await c.StartDetachedAsync(new ToolCommand("sleep").AddArguments("300")));

        try
        {
            var run = await script.RunAsync(["A", "B"], new Dictionary<string, string>(), root);
            var left = await LiveProcesses.ReadPidAsync(pidFile);

            Assert.Equal(0, run.ExitCode);
            Assert.False(LiveProcesses.IsAlive(left), "the process the target left running outlived it");
            Assert.Contains(
                $"A │ warning: A left 1 process running ({left} sleep); ended it. " +
                "Start a process that must outlive its target with context.StartDetachedAsync.",
                run.Output);
            Assert.Single(run.Output.Split('\n'), l => l.Contains("left 1 process running", StringComparison.Ordinal));
            Assert.True(LiveProcesses.IsAlive(detached), "a process started detached was ended with its target");
            Assert.DoesNotContain("B │ warning", run.Output, StringComparison.Ordinal);
        }
        finally
        {
            Kill(detached);
        }
    }

    [Fact]
    public async Task A_background_process_that_holds_the_output_does_not_keep_its_target_waiting()
    {
        LiveProcesses.SkipUnlessLinux();
        using var root = new TempRoot();

        // The shell is gone in a millisecond; without the fix the target waits for the sleeper to
        // close the pipe, until its timeout fails it.
        var script = new Script().Target<A>(
            configure: t => t.Timeout(TimeSpan.FromSeconds(60)),
            action: c => c.RunAsync("sh", "-c", "sleep 300 &"));

        var run = await script.RunAsync(["A"], new Dictionary<string, string>(), root);

        Assert.True(run.ExitCode == 0, run.Output);
        var warning = Regex.Match(run.Output, @"exited, but it left 1 process running \((?<pid>[0-9]+) sleep\) and holding its output; ended it\.");
        Assert.True(warning.Success, run.Output);
        Assert.False(LiveProcesses.IsAlive(int.Parse(warning.Groups["pid"].Value, CultureInfo.InvariantCulture)), "the process holding the output outlived its target");
    }

    [Fact]
    public async Task An_adopted_daemon_that_is_stopped_is_reaped_so_a_wait_for_its_pid_ends()
    {
        LiveProcesses.SkipUnlessLinux();
        using var root = new TempRoot();

        var run = await Repo.RunAsync("dotnet", [Repo.FixtureDll, "StopDaemon", "--pid-file", root.Path / "daemon.pid"], root.Path, root.Path);

        Assert.True(run.ExitCode == 0, run.StandardOutput + run.StandardError);
    }

    [Fact]
    public async Task A_build_server_a_target_started_is_not_a_leftover()
    {
        LiveProcesses.SkipUnlessLinux();
        using var root = new TempRoot();
        var pidFile = root.Path / "server.pid";

        // A sleeper whose command line reads like an MSBuild node's (bash's exec -a sets its argv[0]).
        var script = new Script().Target<A>(action: c => c.RunAsync(
            "sh", "-c", $"bash -c \"exec -a 'dotnet MSBuild.dll /nodemode:1' sleep 300\" >/dev/null 2>&1 & echo $! > {pidFile}"));
        var server = 0;
        try
        {
            var run = await script.RunAsync(["A"], new Dictionary<string, string>(), root);
            server = await LiveProcesses.ReadPidAsync(pidFile);

            Assert.Equal(0, run.ExitCode);
            Assert.True(LiveProcesses.IsAlive(server), "a build server was ended as a leftover");
            Assert.DoesNotContain("warning", run.Output, StringComparison.Ordinal);
        }
        finally
        {
            Kill(server);
        }
    }

    [Fact]
    public async Task A_run_ends_what_a_killed_run_left_running_and_leaves_alone_what_a_live_run_runs()
    {
        LiveProcesses.SkipUnlessLinux();
        using var root = new TempRoot();
        var killedPidFile = root.Path / "killed.pid";
        var livePidFile = root.Path / "live.pid";
        var leftBehind = 0;
        var live = 0;
        using var killedRun = StartPipeline(root, "dotnet", Repo.FixtureDll, "Sleep", "--pid-file", killedPidFile);
        using var liveRun = StartPipeline(root, "dotnet", Repo.FixtureDll, "Sleep", "--pid-file", livePidFile);
        try
        {
            leftBehind = await LiveProcesses.ReadPidAsync(killedPidFile);
            live = await LiveProcesses.ReadPidAsync(livePidFile);
            await SignalAsync("-KILL", killedRun.Id.ToString(CultureInfo.InvariantCulture));
            await WaitForExitAsync(killedRun);
            Assert.True(LiveProcesses.IsAlive(leftBehind), "SIGKILL gives a pipeline no chance to end its children");

            var next = await Repo.RunAsync("dotnet", [Repo.FixtureDll, "Hello"], root.Path, root.Path);

            Assert.Equal(0, next.ExitCode);
            Assert.Matches(
                $@"(?m)^note: ended [0-9]+ processes left running by an earlier run that was killed \(pid {killedRun.Id}\)$",
                next.StandardError);
            Assert.Single(next.StandardError.Split('\n'), l => l.StartsWith("note: ended", StringComparison.Ordinal));
            Assert.False(LiveProcesses.IsAlive(leftBehind), "what the killed run left running is still there");
            Assert.True(LiveProcesses.IsAlive(live), "a run ended the processes of another run that is still going");
            Assert.False(liveRun.HasExited);
        }
        finally
        {
            await SignalAsync("-TERM", liveRun.Id.ToString(CultureInfo.InvariantCulture));
            await WaitForExitAsync(liveRun);
            Kill(leftBehind);
            Kill(live);
        }
    }

    private static Process StartPipeline(TempRoot root, string executable, params string[] arguments)
    {
        var pipeline = Process.Start(new ProcessStartInfo(executable, arguments)
        {
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            WorkingDirectory = root.Path,
            Environment = { [PipelineEnvironment.RootVariable] = root.Path, ["NO_COLOR"] = "1" },
        })!;
        _ = pipeline.StandardOutput.ReadToEndAsync();
        _ = pipeline.StandardError.ReadToEndAsync();
        return pipeline;
    }

    private static async Task SignalAsync(string signal, string target)
    {
        using var kill = Process.Start("kill", [signal, "--", target]);
        await kill.WaitForExitAsync();
    }

    private static async Task WaitForExitAsync(Process pipeline)
    {
        using var timeout = new CancellationTokenSource(TimeSpan.FromSeconds(60));
        await pipeline.WaitForExitAsync(timeout.Token);
    }

    private static void Kill(int pid)
    {
        if (pid > 0 && LiveProcesses.IsAlive(pid))
        {
            try
            {
                using var process = Process.GetProcessById(pid);
                process.Kill(entireProcessTree: true);
            }
            catch (ArgumentException)
            {
                // Already gone.
            }
        }
    }
}
