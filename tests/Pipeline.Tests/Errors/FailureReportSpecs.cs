using Pipeline.Hosting;
using Pipeline.Planning;
using Pipeline.Tests.Support;

namespace Pipeline.Tests.Errors;

/// <summary>Expected failures print their message and no stack trace; bugs print one, and say whose they are.</summary>
public sealed class FailureReportSpecs
{
    private const string StackFrame = "   at ";

    public static TheoryData<string> ExpectedFailures() => ["check", "process", "missing tool", "timeout"];

    [Theory]
    [MemberData(nameof(ExpectedFailures))]
    public async Task An_expected_failure_prints_its_message_without_a_stack_trace(string failure)
    {
        var script = new Script().Target<A>(t => { if (failure == "timeout") { t.Timeout(TimeSpan.FromMilliseconds(300)); } }, failure switch
        {
            "check" => _ => throw new TargetFailedException("3 files are not formatted"),
            "process" => c => c.RunAsync("sh", "-c", "echo compiling; exit 3"),
            "missing tool" => c => c.RunAsync("no-such-tool-4f2a", "--version"),
            _ => c => Task.Delay(TimeSpan.FromMinutes(1), c.Cancellation),
        });

        var run = await script.RunAsync("A");

        Assert.Equal(ExitCodes.TargetFailed, run.ExitCode);
        Assert.Contains(failure switch
        {
            "check" => "3 files are not formatted",
            "process" => "Process exited with code 3: sh -c 'echo compiling; exit 3'",
            "missing tool" => "Could not start 'no-such-tool-4f2a': it is not installed or not on PATH",
            _ => "timed out after 300 ms",
        }, run.All, StringComparison.Ordinal);
        Assert.DoesNotContain(StackFrame, run.All, StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_bug_in_a_target_prints_its_stack_trace()
    {
        var script = new Script().Target<A>(action: _ => throw new InvalidCastException("the target's own bug"));

        var run = await script.RunAsync("A");

        Assert.Equal(ExitCodes.TargetFailed, run.ExitCode);
        Assert.Contains("System.InvalidCastException: the target's own bug", run.All, StringComparison.Ordinal);
        Assert.Contains(StackFrame, run.All, StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_long_reason_is_shortened_in_the_summary_table_but_whole_in_the_log()
    {
        var reason = "the reason " + new string('x', 400);
        var script = new Script().Target<A>(action: _ => throw new TargetFailedException(reason));

        var run = await script.RunAsync("A");

        Assert.Contains(reason, run.All, StringComparison.Ordinal);
        Assert.True(run.SummaryRow("A").Length < 200, run.SummaryRow("A"));
        Assert.EndsWith("…", run.SummaryRow("A").TrimEnd(), StringComparison.Ordinal);
    }

    [Fact]
    public void An_exception_from_the_engine_is_an_engine_bug_and_one_from_the_pipelines_code_is_not()
    {
        var engine = Assert.ThrowsAny<InvalidOperationException>(() => new Plan([], [])["missing"]);
        var pipeline = Assert.Throws<InvalidOperationException>(() => ThrowFromHere());
        var misuse = Assert.Throws<ArgumentException>(() => new AbsolutePath("relative/path"));

        Assert.True(EngineBugs.IsThrownByEngine(engine));
        Assert.False(EngineBugs.IsThrownByEngine(pipeline));
        Assert.False(EngineBugs.IsThrownByEngine(misuse));
        Assert.StartsWith("error: this is a bug in Pipeline, not in your pipeline.", EngineBugs.Report(engine), StringComparison.Ordinal);
    }

    [Fact]
    public async Task Check_without_generate_is_a_usage_error_and_runs_nothing()
    {
        var script = new Script().Target<A>().Default<A>();

        var run = await script.RunAsync("--check");

        Assert.Equal(ExitCodes.Usage, run.ExitCode);
        Assert.Contains("--check goes with --generate", run.Error, StringComparison.Ordinal);
        Assert.Empty(run.Events);
    }

    private static void ThrowFromHere() => throw new InvalidOperationException("the pipeline's own bug");
}
