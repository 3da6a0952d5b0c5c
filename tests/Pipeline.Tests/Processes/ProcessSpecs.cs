using Pipeline.Tests.Support;

namespace Pipeline.Tests.Processes;

public sealed class ProcessSpecs
{
    [Fact]
    public async Task Output_of_a_process_streams_into_the_target_log()
    {
        var script = new Script().Target<A>(action: c => c.RunAsync("sh", "-c", "echo one; echo two >&2"));

        var run = await script.RunAsync("A");

        Assert.Equal(0, run.ExitCode);
        Assert.Contains("A │ > sh -c 'echo one; echo two >&2'", run.Output);
        Assert.Contains("A │ one", run.Output);
        Assert.Contains("A │ two", run.Output);
    }

    [Fact]
    public async Task Arguments_are_passed_as_a_list_never_through_a_shell()
    {
        var script = new Script().Target<A>(action: c => c.RunAsync("printf", "[%s]\\n", "a b", "$HOME", "x;y"));

        var run = await script.RunAsync("A");

        Assert.Contains("A │ [a b]", run.Output);
        Assert.Contains("A │ [$HOME]", run.Output);
        Assert.Contains("A │ [x;y]", run.Output);
    }

    [Fact]
    public async Task Working_directory_and_environment_reach_the_process()
    {
        using var root = new TempRoot();
        var script = new Script().Target<A>(action: c => c.RunAsync(
            new ToolCommand("sh").AddArguments("-c", "pwd; echo \"$GREETING\"").WithWorkingDirectory(root.Path / ".nuke").WithEnvironment("GREETING", "hi there")));

        var run = await script.RunAsync(["A"], new Dictionary<string, string>(), root);

        Assert.Contains($"A │ {root.Path / ".nuke"}", run.Output);
        Assert.Contains("A │ hi there", run.Output);
    }

    [Fact]
    public async Task Standard_input_reaches_the_process_and_never_the_log()
    {
        ProcessResult? result = null;
        var script = new Script().Target<A>(action: async c =>
            result = await c.RunAsync(new ToolCommand("sh").AddArguments("-c", "read secret; echo \"got ${#secret} characters\"").WithStandardInput("hunter22\n")));

        var run = await script.RunAsync("A");

        Assert.Contains("A │ got 8 characters", run.Output);
        Assert.DoesNotContain("hunter22", run.Output, StringComparison.Ordinal);
        Assert.Equal(["got 8 characters"], result!.StandardOutput);
    }

    [Fact]
    public async Task Quiet_output_is_captured_but_not_logged_and_standard_output_is_kept_apart()
    {
        ProcessResult? result = null;
        var script = new Script().Target<A>(action: async c =>
            result = await c.RunAsync(new ToolCommand("sh").AddArguments("-c", "echo data; echo warning >&2").WithQuietOutput()));

        var run = await script.RunAsync("A");

        Assert.DoesNotContain("A │ data", run.Output, StringComparison.Ordinal);
        Assert.Equal(["data"], result!.StandardOutput);
        Assert.Equal(["data", "warning"], result.Output.Order());
    }

    [Fact]
    public async Task An_accepted_exit_code_returns_the_result_and_any_other_still_throws()
    {
        ProcessResult? accepted = null;
        var script = new Script()
            .Target<A>(action: async c => accepted = await c.RunAsync(
                new ToolCommand("sh").AddArguments("-c", "echo finding; exit 1").AcceptingExitCodes(1)))
            .Target<B>(action: c => c.RunAsync(new ToolCommand("sh").AddArguments("-c", "exit 2").AcceptingExitCodes(1)));

        var run = await script.RunAsync("A", "B");

        Assert.Equal(1, accepted?.ExitCode);
        Assert.Equal(["finding"], accepted?.Output);
        Assert.Contains("failed: Process exited with code 2", run.SummaryRow("B"));
        Assert.DoesNotContain("failed", run.SummaryRow("A"));
    }

    [Fact]
    public async Task A_non_zero_exit_fails_with_the_command_line_the_exit_code_and_the_last_lines()
    {
        ProcessFailedException? error = null;
        var script = new Script().Target<A>(action: async c =>
        {
            try
            {
                await c.RunAsync("sh", "-c", "for i in $(seq 1 30); do echo line $i; done; exit 7");
            }
            catch (ProcessFailedException e)
            {
                error = e;
                throw;
            }
        });

        var run = await script.RunAsync("A");

        Assert.Equal(ExitCodes.TargetFailed, run.ExitCode);
        Assert.NotNull(error);
        Assert.Equal(7, error.ExitCode);
        Assert.StartsWith("sh -c 'for i in", error.CommandLine);
        Assert.Equal(20, error.LastLines.Count);
        Assert.Equal("line 30", error.LastLines[^1]);
        Assert.Contains("Process exited with code 7: sh -c", error.Message);
        Assert.Contains("failed: Process exited with code 7", run.SummaryRow("A"));
    }

    [Fact]
    public async Task A_missing_executable_fails_with_a_clear_message()
    {
        var script = new Script().Target<A>(action: c => c.RunAsync("no-such-tool-anywhere", "--version"));

        var run = await script.RunAsync("A");

        Assert.Equal(ExitCodes.TargetFailed, run.ExitCode);
        Assert.Contains("no-such-tool-anywhere", run.SummaryRow("A"));
    }

    [Fact]
    public async Task Cancelling_a_run_kills_the_whole_process_tree_orphaned_grandchildren_included()
    {
        LiveProcesses.SkipUnlessLinux();
        using var root = new TempRoot();
        using var cancellation = new CancellationTokenSource();
        var child = root.Path / "child.pid";
        var orphan = root.Path / "orphan.pid";
        // The inner shell starts a sleeper and exits at once: that sleeper is re-parented away from our tree.
        var command = $"sh -c 'sleep 300 & echo $! > {orphan}'; sleep 300 & echo $! > {child}; wait";
        var script = new Script().Target<A>(action: c => c.RunAsync("sh", "-c", command));

        var running = script.RunAsync(["A"], new Dictionary<string, string>(), root, cancellation.Token);
        var childPid = await LiveProcesses.ReadPidAsync(child);
        var orphanPid = await LiveProcesses.ReadPidAsync(orphan);
        Assert.True(LiveProcesses.IsAlive(childPid));
        Assert.True(LiveProcesses.IsAlive(orphanPid));

        await cancellation.CancelAsync();
        var run = await running;

        Assert.Equal(ExitCodes.Canceled, run.ExitCode);
        await Wait.UntilAsync(() => !LiveProcesses.IsAlive(childPid) && !LiveProcesses.IsAlive(orphanPid), TimeSpan.FromSeconds(10));
    }

    [Fact]
    public async Task When_the_last_running_target_times_out_its_processes_are_gone_before_the_run_returns()
    {
        LiveProcesses.SkipUnlessLinux();
        using var root = new TempRoot();
        var pidFile = root.Path / "sleeper.pid";
        var script = new Script().Target<A>(
            t => t.Timeout(TimeSpan.FromSeconds(1)),
            c => c.RunAsync("sh", "-c", $"sleep 300 & echo $! > {pidFile}; wait"));

        var running = script.RunAsync(["A"], new Dictionary<string, string>(), root);
        var pid = await LiveProcesses.ReadPidAsync(pidFile);
        var run = await running;

        // No waiting here: a pipeline process exits right after the run, and whatever is left then runs on.
        Assert.Contains("failed: timed out after 1.0 s", run.SummaryRow("A"));
        Assert.False(LiveProcesses.IsAlive(pid), "the timed-out target's process outlived the run");
    }

    [Fact]
    public async Task Ctrl_C_gives_a_process_its_grace_period_to_clean_up_before_the_run_returns()
    {
        LiveProcesses.SkipUnlessLinux();
        using var root = new TempRoot();
        using var cancellation = new CancellationTokenSource();
        var started = root.Path / "started";
        var cleanedUp = root.Path / "cleaned-up";
        var script = new Script().Target<A>(action: c => c.RunAsync(new ToolCommand("sh").AddArguments(
            "-c", $"trap 'sleep 1; echo done > {cleanedUp}; exit 3' INT; echo $$ > {started}; while true; do sleep 0.1; done")));

        var running = script.RunAsync(["A"], new Dictionary<string, string>(), root, cancellation.Token);
        await LiveProcesses.ReadPidAsync(started);
        await cancellation.CancelAsync();
        var run = await running;

        Assert.Equal(ExitCodes.Canceled, run.ExitCode);
        Assert.True(File.Exists(cleanedUp), "the process was not given its grace period to clean up");
    }

    [Fact]
    public async Task A_target_past_its_timeout_has_its_processes_killed()
    {
        LiveProcesses.SkipUnlessLinux();
        using var root = new TempRoot();
        var pidFile = root.Path / "sleeper.pid";
        var script = new Script().Target<A>(
            t => t.Timeout(TimeSpan.FromSeconds(1)),
            c => c.RunAsync("sh", "-c", $"sleep 300 & echo $! > {pidFile}; wait"));

        var running = script.RunAsync(["A"], new Dictionary<string, string>(), root);
        var pid = await LiveProcesses.ReadPidAsync(pidFile);
        var run = await running;

        Assert.Contains("failed: timed out after 1.0 s", run.SummaryRow("A"));
        await Wait.UntilAsync(() => !LiveProcesses.IsAlive(pid), TimeSpan.FromSeconds(10));
    }

    [Fact]
    public async Task A_cancelled_process_is_interrupted_first_so_it_can_clean_up()
    {
        LiveProcesses.SkipUnlessLinux();
        using var root = new TempRoot();
        var cleanedUp = root.Path / "cleaned-up";
        var script = new Script().Target<A>(
            t => t.Timeout(TimeSpan.FromSeconds(1)),
            c => c.RunAsync(new ToolCommand("sh").AddArguments("-c", $"trap 'echo done > {cleanedUp}; exit 3' INT; while true; do sleep 0.1; done")));

        var run = await script.RunAsync(["A"], new Dictionary<string, string>(), root);

        await Wait.UntilAsync(() => File.Exists(cleanedUp), TimeSpan.FromSeconds(10));
        Assert.Contains("failed: timed out after 1.0 s", run.SummaryRow("A"));
    }

    [Fact]
    public async Task A_process_that_ignores_the_interrupt_is_killed_after_its_grace_period()
    {
        LiveProcesses.SkipUnlessLinux();
        using var root = new TempRoot();
        var pidFile = root.Path / "stubborn.pid";
        var script = new Script().Target<A>(
            t => t.Timeout(TimeSpan.FromSeconds(1)),
            c => c.RunAsync(new ToolCommand("sh").AddArguments("-c", $"trap '' INT; echo $$ > {pidFile}; while true; do sleep 0.1; done")
                .WithGracePeriod(TimeSpan.FromMilliseconds(300))));

        var running = script.RunAsync(["A"], new Dictionary<string, string>(), root);
        var pid = await LiveProcesses.ReadPidAsync(pidFile);
        var run = await running;

        Assert.Contains("failed: timed out after 1.0 s", run.SummaryRow("A"));
        await Wait.UntilAsync(() => !LiveProcesses.IsAlive(pid), TimeSpan.FromSeconds(10));
    }

    [Fact]
    public async Task A_timeout_in_one_target_leaves_the_processes_of_another_alone()
    {
        LiveProcesses.SkipUnlessLinux();
        using var root = new TempRoot();
        var pidFile = root.Path / "other.pid";
        var script = new Script()
            .Target<A>(t => t.Timeout(TimeSpan.FromMilliseconds(500)), c => c.RunAsync("sleep", "300"))
            .Target<B>(action: c => c.RunAsync("sh", "-c", $"sleep 3 & echo $! > {pidFile}; wait"));

        var running = script.RunAsync(["A", "B"], new Dictionary<string, string>(), root);
        var pid = await LiveProcesses.ReadPidAsync(pidFile);
        var run = await running;

        Assert.Contains("failed: timed out", run.SummaryRow("A"));
        Assert.Contains("succeeded", run.SummaryRow("B")); // B's sleeper ran to its end
        Assert.False(LiveProcesses.IsAlive(pid));
    }
}
