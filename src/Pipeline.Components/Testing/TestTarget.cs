namespace Pipeline.Components.Testing;

/// <summary>
/// Runs test suites one after another and reports them as one: each failing test by name, then the
/// line <c>N passed, N failed, N skipped</c>. A suite that breaks counts as one failed test and does
/// not stop the others. Fails when any test failed, naming them, and under GitHub Actions also lists
/// them on the run's page. Result files are an artifact CI uploads even on failure.
/// <code>
/// public sealed class Test : TestTarget
/// {
///     protected override IEnumerable&lt;ITestSuite&gt; Suites =>
///         [new GoTests("services/events"), new CargoTests("crates"), new DotNetTests("Tickets.slnx")];
/// }
/// </code>
/// </summary>
public abstract class TestTarget : Target
{
    private const int NamesInMessage = 10;

    /// <summary>The matrix axis of <see cref="SuitesAsMatrix"/>: one value per suite, its name.</summary>
    public const string SuiteAxis = "suite";

    /// <summary>Every suite this target runs, in order (also what it declares: toolchains).</summary>
    protected abstract IEnumerable<ITestSuite> Suites { get; }

    /// <summary>
    /// The suites one run executes: all of them, unless a matrix target picks its cell's share, e.g.
    /// <c>[new CargoTests(".", crate: context.Matrix!["crate"])]</c>.
    /// </summary>
    protected virtual IEnumerable<ITestSuite> SuitesFor(TargetContext context) => Suites;

    /// <summary>
    /// Each suite as a cell of a matrix over them (axis <see cref="SuiteAxis"/>): side by side locally,
    /// one CI job each and, when the suites declare their inputs, each skipped while nothing it depends on changed.
    /// </summary>
    protected virtual bool SuitesAsMatrix => false;

    /// <summary>Days CI keeps the uploaded result files; null for the CI service's default.</summary>
    protected virtual int? ResultsRetentionDays => null;

    /// <summary>
    /// The name CI uploads the result files under (<c>test-results</c>). A second test target in the
    /// pipeline, such as integration tests against service containers, takes a name of its own: a
    /// workflow run holds each artifact name once.
    /// </summary>
    protected virtual string ResultsArtifactName => TestResultFiles.Artifact.Name;

    /// <summary>
    /// Declares the result files and each suite's toolchain, the matrix of <see cref="SuitesAsMatrix"/>
    /// and, when every suite declares its inputs, those (with <c>CI</c>, which turns tool-less skips into
    /// failures) and each suite's results folder as its output; then what <see cref="Extend"/> adds.
    /// </summary>
    protected sealed override void Configure(TargetSpec target)
    {
        var suites = Suites.ToList();
        target
            .Description("Runs the tests; ends with N passed, N failed, N skipped")
            .Produces(Artifact.Of(ResultsArtifactName, TestResultFiles.Directory) with { EvenOnFailure = true, RetentionDays = ResultsRetentionDays });
        foreach (var toolchain in suites.Select(s => s.Toolchain).Distinct())
        {
            target.Toolchain(toolchain);
        }

        if (SuitesAsMatrix)
        {
            // Every suite runs, and reports, even when another fails.
            target.Matrix(MatrixAxis.Of(SuiteAxis, SuiteKeys.Of(suites).Values), failFast: false);
        }

        if (suites.Count > 0 && suites.All(s => s is ISuiteInputs))
        {
            target
                .Inputs(i => i.Environment("CI").Computed((inputs, root, cell) =>
                {
                    foreach (var suite in SuitesOfCell(cell) ?? Suites)
                    {
                        ((ISuiteInputs)suite).DeclareInputs(inputs, root);
                    }
                }))
                .OutputFiles(cell => SuitesOfCell(cell)?.Select(RecordedResults.FolderOf) ?? []);
        }

        Extend(target);
    }

    /// <summary>
    /// The suites one run (a cell, or the whole target) executes, when known without running:
    /// null in a matrix of the pipeline's own, whose cells pick their suites in <see cref="SuitesFor"/>.
    /// </summary>
    private IEnumerable<ITestSuite>? SuitesOfCell(MatrixCell? cell) => cell switch
    {
        null => Suites,
        _ when SuitesAsMatrix && cell.Values.Any(v => v.Key == SuiteAxis) => InCell(Suites, cell[SuiteAxis]),
        _ => null,
    };

    /// <summary>
    /// What this pipeline adds to the Test target (a matrix, service containers): relations, conditions, a description of its own.
    /// Called after the base's declarations, which it cannot drop.
    /// <code>protected override void Extend(TargetSpec target) => target.DependsOn&lt;Compile&gt;().Service(Database.Postgres);</code>
    /// </summary>
    protected virtual void Extend(TargetSpec target)
    {
    }

    protected override async Task RunAsync(TargetContext context)
    {
        var results = new List<(ITestSuite Suite, TestSummary Summary)>();
        var suites = SuitesFor(context);
        if (SuitesAsMatrix && context.Matrix?.Values.FirstOrDefault(v => v.Key == SuiteAxis).Value is { } cellSuite)
        {
            suites = InCell(suites, cellSuite);
        }

        foreach (var suite in suites)
        {
            var summary = await RunSuiteAsync(suite, context);
            RecordedResults.Write(context, suite, summary);
            context.Log.Info($"{suite.Name}: {summary}");
            results.Add((suite, summary));
        }

        var total = results.Aggregate(TestSummary.Empty, (sum, r) => sum.Plus(r.Summary));
        foreach (var failed in total.FailedTests)
        {
            context.Log.Error($"failed: {failed}");
        }

        context.StepSummary.Append(TestSummaryMarkdown.Render(results, total));
        foreach (var section in TestReportSections.Of([.. results.Select(r => (r.Suite.Name, r.Summary))], total))
        {
            context.Report(section);
        }

        context.Log.Info(total.ToString());
        if (total.Failed > 0)
        {
            throw new TargetFailedException(FailureMessage(total));
        }
    }

    // A suite that broke (it did not build, its test host crashed) counts as one failure, as a go
    // package that fails to build does: the other suites still run and the totals still print.
    private static async Task<TestSummary> RunSuiteAsync(ITestSuite suite, TargetContext context)
    {
        try
        {
            return await suite.RunAsync(context);
        }
        catch (Exception e) when (e is not OperationCanceledException && !context.Cancellation.IsCancellationRequested)
        {
            context.Log.Error($"{suite.Name} broke: {e.Message}");
            return new TestSummary(0, 1, 0, [$"{suite.Name} (broke)"], []);
        }
    }

    private static IEnumerable<ITestSuite> InCell(IEnumerable<ITestSuite> suites, string key)
    {
        var all = suites.ToList();
        var keys = SuiteKeys.Of(all);
        return all.Where(s => keys[s.Name] == key);
    }

    /// <summary>One line, as the run summary shows only the first: the count and the first names.</summary>
    internal static string FailureMessage(TestSummary total)
    {
        var names = string.Join(", ", total.FailedTests.Take(NamesInMessage));
        var more = total.FailedTests.Count > NamesInMessage ? $" and {total.FailedTests.Count - NamesInMessage} more" : "";
        return $"{total.Failed} {(total.Failed == 1 ? "test" : "tests")} failed: {names}{more}";
    }
}
