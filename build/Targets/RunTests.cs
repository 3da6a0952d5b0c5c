using Pipeline;
using Pipeline.Components.Testing;

namespace Build;

/// <summary>
/// Every test project under tests/, each a matrix cell of its own (side by side locally, one CI job
/// each), on what Compile built. A cell whose project, the projects it references and the files the
/// tests read did not change since its last success is up to date and does not run. A failing
/// project does not stop the others; <see cref="TestTotals"/> prints the line CI reads.
/// </summary>
public sealed class RunTests(Repository repository) : TestTarget
{
    // The configuration is a parameter, known only in a run: Suites (read when the graph is built, for
    // the toolchain and the matrix) goes without it; SuitesFor, what a run executes, has it.
    protected override IEnumerable<ITestSuite> Suites => TestProjects(repository, configuration: null);

    protected override IEnumerable<ITestSuite> SuitesFor(TargetContext context) =>
        TestProjects(repository, context.Get(BuildParameters.Configuration).ToString());

    protected override bool SuitesAsMatrix => true;

    // Results are most useful in the days after a failure; two weeks is plenty.
    protected override int? ResultsRetentionDays => 14;

    protected override void Extend(TargetSpec target) =>
        target
            .Description("Runs every test project (TRX results), side by side, each only when what it depends on changed")
            .DependsOn<Compile>()
            .DependsOn<InstallWorkflowLint>() // the workflow tests run actionlint and GitHub's parser
            .Inputs(i => i.Parameter(BuildParameters.Configuration)) // --no-build tests what Compile built in it
            .ProceedAfterFailure(); // TestTotals still sums what ran, then fails in its place

    /// <summary>One suite per test project; the tests also read the samples, templates, scripts and docs they check.</summary>
    internal static IEnumerable<ITestSuite> TestProjects(Repository repository, string? configuration) =>
        repository.TestProjects.Select(project => new DotNetTests(project, configuration, noBuild: true) { AlsoReads = ReadByTests });

    private static readonly string[] ReadByTests =
    [
        "samples/**", "templates/**", "build/**", "tools/**", "docs/**", ".github/**", ".config/**",
        "build.sh", "build.ps1", "build.cmd", "README.md",
    ];
}
