using Pipeline;
using Pipeline.Components.Testing;

namespace Build;

/// <summary>
/// Every test project under tests/, one after another, on what Compile built. A failing project
/// does not stop the others; the run ends with the totals line CI reads: <c>N passed, N failed, N skipped</c>.
/// </summary>
public sealed class RunTests(Repository repository) : TestTarget
{
    // The configuration is a parameter, known only in a run: Suites (read when the graph is built, for
    // the toolchain) goes without it; SuitesFor, what a run executes, has it.
    protected override IEnumerable<ITestSuite> Suites => TestProjects(configuration: null);

    protected override IEnumerable<ITestSuite> SuitesFor(TargetContext context) =>
        TestProjects(context.Get(BuildParameters.Configuration).ToString());

    // Results are most useful in the days after a failure; two weeks is plenty.
    protected override int? ResultsRetentionDays => 14;

    protected override void Extend(TargetSpec target) =>
        target
            .Description("Runs every test project (TRX results); ends with N passed, N failed, N skipped")
            .DependsOn<Compile>()
            .DependsOn<InstallWorkflowLint>(); // the workflow tests run actionlint and GitHub's parser

    private IEnumerable<ITestSuite> TestProjects(string? configuration) =>
        repository.TestProjects.Select(project => new DotNetTests(project, configuration, noBuild: true));
}
