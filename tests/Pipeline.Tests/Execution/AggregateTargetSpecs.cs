using Pipeline.Tests.Support;

namespace Pipeline.Tests.Execution;

public sealed class AggregateTargetSpecs
{
    [Fact]
    public async Task A_target_that_only_gathers_others_needs_no_RunAsync_and_succeeds_after_them()
    {
        var script = new Script().Target<A>().Target<B>();
        using var root = new TempRoot();
        var output = new StringWriter();
        var environment = new PipelineEnvironment(
            root.Path, new Dictionary<string, string>(), output, TextWriter.Null, ProcessorCount: 2, UseColor: false);

        var exitCode = await script.Builder().Add<Gate>().RunAsync(["Gate"], environment, TestContext.Current.CancellationToken);

        Assert.Equal(0, exitCode);
        Assert.True(script.Ran("A") && script.Ran("B"));
        var run = new RunOutcome(exitCode, output.ToString(), "", [.. script.Events]);
        Assert.Contains("succeeded", run.SummaryRow("Gate"), StringComparison.Ordinal);
    }

    /// <summary>Like build/'s Test: its dependencies are its work.</summary>
    private sealed class Gate : Target
    {
        protected override void Configure(TargetSpec target) => target.DependsOn<A>().DependsOn<B>();
    }
}
