using Pipeline.Components.Testing;

namespace Build;

/// <summary>
/// The totals line of every test project: those that ran now and those up to date (counted from
/// their last run, and said so). It ends <c>./build.sh Test</c>'s test output, and fails when a test failed.
/// </summary>
public sealed class TestTotals(Repository repository) : TestTotalsTarget<RunTests>
{
    protected override IEnumerable<ITestSuite> Suites => RunTests.TestProjects(repository, configuration: null);
}
