using Pipeline.Hosting;

namespace Pipeline.Tests.Processes;

/// <summary>What a killed run leaves under <c>.nuke/temp</c> besides processes: its held-back output.</summary>
public sealed class DeadRunCleanupSpecs
{
    [Fact]
    public async Task The_next_run_deletes_the_held_output_of_a_dead_run_and_keeps_a_live_run_s()
    {
        LiveProcesses.SkipUnlessLinux();
        using var root = new TempRoot();
        var runs = root.Path / ".nuke" / "temp" / "runs";
        Directory.CreateDirectory(runs);

        // A pid no process has (beyond Linux's largest), and this test's own process for the live run.
        File.WriteAllText(runs / "deadrun00001", "4194305 1");
        using var live = RunFile.Write(root.Path, "liverun00001");
        var deadOutput = RunFile.HeldOutputOf(root.Path, "deadrun00001");
        var liveOutput = RunFile.HeldOutputOf(root.Path, "liverun00001");
        Directory.CreateDirectory(deadOutput);
        Directory.CreateDirectory(liveOutput);
        File.WriteAllText(deadOutput / "Build-1.log", "held lines of a run that was killed");
        File.WriteAllText(liveOutput / "Build-2.log", "held lines of a run that goes on");

        await RunFile.EndDeadRunsAsync(root.Path);

        Assert.False(Directory.Exists(deadOutput), "the dead run's held output is still there");
        Assert.False(File.Exists(runs / "deadrun00001"));
        Assert.True(File.Exists(liveOutput / "Build-2.log"), "a live run's held output was deleted");
    }
}
