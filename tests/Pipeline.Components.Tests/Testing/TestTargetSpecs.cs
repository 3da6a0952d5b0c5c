using Pipeline.Components.Testing;
using Pipeline.Components.Tests.Support;

namespace Pipeline.Components.Tests.Testing;

public sealed class TestTargetSpecs
{
    [Fact]
    public async Task A_suite_that_breaks_counts_as_one_failure_and_the_next_suite_still_runs()
    {
        using var root = new TempRoot();

        var run = await TestPipeline.With(new FakeSuite("crashing", null), new FakeSuite("passing", new TestSummary(2, 0, 1, [], []))).RunAsync(root, ["Test"]);

        Assert.Equal(ExitCodes.TargetFailed, run.ExitCode);
        Assert.Contains("Test │ crashing broke: the test host crashed", run.Lines);
        Assert.Contains("Test │ passing: 2 passed, 0 failed, 1 skipped", run.Lines);
        Assert.Contains("Test │ 2 passed, 1 failed, 1 skipped", run.Lines);
        Assert.Contains("1 test failed: crashing (broke)", run.Output, StringComparison.Ordinal);
    }

    private sealed class FakeSuite(string name, TestSummary? summary) : ITestSuite
    {
        public string Name => name;

        public Toolchain Toolchain => Toolchain.DotNet;

        public Task<TestSummary> RunAsync(TargetContext context) =>
            summary is null ? throw new InvalidOperationException("the test host crashed") : Task.FromResult(summary);
    }
}
