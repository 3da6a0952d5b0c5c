using Pipeline.Components.Testing;

namespace Pipeline.Components.Tests.Testing;

/// <summary>The suites a test's pipeline runs, given to its target as a service.</summary>
public sealed record TestSuiteList(params IReadOnlyList<ITestSuite> All);

/// <summary>A user's Test target, as the README shows it, with the suites from the test.</summary>
public sealed class Test(TestSuiteList suites) : TestTarget
{
    protected override IEnumerable<ITestSuite> Suites => suites.All;
}

internal static class TestPipeline
{
    public static PipelineBuilder With(params ITestSuite[] suites) =>
        new PipelineBuilder().Provide(new TestSuiteList(suites)).Add<Test>();
}
