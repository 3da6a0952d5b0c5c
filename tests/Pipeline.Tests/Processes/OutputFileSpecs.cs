using Pipeline.Tests.Support;

namespace Pipeline.Tests.Processes;

public sealed class OutputFileSpecs
{
    [Fact]
    public async Task Standard_output_goes_to_the_file_and_not_the_log_when_asked_and_the_file_survives_a_failure()
    {
        using var root = new TempRoot();
        var file = root.Path / "out" / "report.json";
        var script = new Script().Target<A>(action: c => c.RunAsync(
            new ToolCommand("sh").AddArguments("-c", "echo '{\"a\":1}'; echo to-stderr >&2; echo '{\"b\":2}'; exit 4").WithStandardOutputTo(file, alsoLog: false)));

        var run = await script.RunAsync(["A"], new Dictionary<string, string>(), root);

        Assert.Equal(ExitCodes.TargetFailed, run.ExitCode);
        Assert.Equal(["{\"a\":1}", "{\"b\":2}"], File.ReadAllLines(file));
        Assert.Contains("A │ to-stderr", run.Output);
        Assert.DoesNotContain("A │ {\"a\":1}", run.Output.Split('\n').Select(l => l.TrimEnd('\r')));
    }

    [Fact]
    public async Task Standard_output_can_go_to_both_the_file_and_the_log()
    {
        using var root = new TempRoot();
        var file = root.Path / "out.txt";
        var script = new Script().Target<A>(action: c => c.RunAsync(
            new ToolCommand("sh").AddArguments("-c", "echo test result: ok").WithStandardOutputTo(file)));

        var run = await script.RunAsync(["A"], new Dictionary<string, string>(), root);

        Assert.Equal(ExitCodes.Success, run.ExitCode);
        Assert.Equal(["test result: ok"], File.ReadAllLines(file));
        Assert.Contains("A │ test result: ok", run.Output);
    }
}
