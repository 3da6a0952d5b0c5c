namespace Pipeline.Components.Testing;

/// <summary>
/// The one totals line of a <see cref="TestTarget"/> whose suites run as separate cells
/// (<c>SuitesAsMatrix</c>): it sums each suite's recorded summary, those that ran now and those
/// that were up to date (counted from their last run, and said so), prints
/// <c>N passed, N failed, N skipped</c>, and fails naming the failed tests. For it to report a
/// failing run, <typeparamref name="TTests"/> declares <c>ProceedAfterFailure()</c>; this target then fails in its place.
/// <code>
/// public sealed class TestTotals : TestTotalsTarget&lt;RunTests&gt; { protected override IEnumerable&lt;ITestSuite&gt; Suites => RunTests.All; }
/// </code>
/// </summary>
/// <typeparam name="TTests">The test target whose suites it sums; it depends on it.</typeparam>
public abstract class TestTotalsTarget<TTests> : Target
    where TTests : TestTarget
{
    /// <summary>The suites to sum, named as <typeparamref name="TTests"/> names them.</summary>
    protected abstract IEnumerable<ITestSuite> Suites { get; }

    protected sealed override void Configure(TargetSpec target)
    {
        target
            .Description($"Sums the results of every suite {typeof(TTests).Name} runs: N passed, N failed, N skipped")
            .DependsOn<TTests>();
        Extend(target);
    }

    /// <summary>Relations, conditions or a description of its own, after the base's declarations.</summary>
    protected virtual void Extend(TargetSpec target)
    {
    }

    protected override Task RunAsync(TargetContext context)
    {
        var suites = Suites.ToList();
        var recorded = suites.Select(s => (Suite: s, Result: RecordedResults.Read(context, s))).ToList();
        var missing = recorded.Where(r => r.Result is null).Select(r => r.Suite.Name).ToList();
        if (missing.Count == suites.Count)
        {
            // In CI each suite has a job of its own, and this one ran none of them.
            context.Log.Info($"No suite recorded a result here ({suites.Count} expected): they ran elsewhere.");
            return Task.CompletedTask;
        }

        var total = recorded.Select(r => r.Result?.Summary).OfType<TestSummary>().Aggregate(TestSummary.Empty, (sum, s) => sum.Plus(s));
        var upToDate = recorded.Count(r => r.Result is { ThisRun: false });
        foreach (var name in missing)
        {
            context.Log.Warning($"{name} recorded no result: it is not counted.");
        }

        foreach (var failed in total.FailedTests)
        {
            context.Log.Error($"failed: {failed}");
        }

        context.Log.Info(total + Notes(upToDate, missing.Count, suites.Count));
        foreach (var section in TestReportSections.Of([.. recorded.Where(r => r.Result is not null).Select(r => (r.Suite.Name, r.Result!.Value.Summary))], total))
        {
            context.Report(section.Title == "Tests" ? section with { Headline = section.Headline + Notes(upToDate, missing.Count, suites.Count) } : section);
        }

        if (total.Failed > 0)
        {
            throw new TargetFailedException(TestTarget.FailureMessage(total));
        }

        return Task.CompletedTask;
    }

    /// <summary>What the counts are made of, when not only of suites that ran now.</summary>
    internal static string Notes(int upToDate, int missing, int suites)
    {
        var notes = new List<string>();
        if (upToDate > 0)
        {
            notes.Add($"{upToDate} of {suites} {(suites == 1 ? "suite" : "suites")} up to date, counted from their last run");
        }

        if (missing > 0)
        {
            notes.Add($"{missing} without a result");
        }

        return notes.Count == 0 ? "" : $" ({string.Join("; ", notes)})";
    }
}
