namespace Pipeline.Components.Testing;

/// <summary>The tests' block on the CI run's page: a row per suite, then every failed test.</summary>
internal static class TestSummaryMarkdown
{
    public static IEnumerable<string> Render(IReadOnlyList<(ITestSuite Suite, TestSummary Summary)> results, TestSummary total)
    {
        yield return $"### Tests: {total}";
        yield return "";
        yield return "| Suite | Passed | Failed | Skipped |";
        yield return "| --- | ---: | ---: | ---: |";
        foreach (var (suite, summary) in results)
        {
            yield return $"| {Cell(suite.Name)} | {summary.Passed} | {summary.Failed} | {summary.Skipped} |";
        }

        if (total.FailedTests.Count == 0)
        {
            yield break;
        }

        yield return "";
        yield return "Failed tests:";
        yield return "";
        foreach (var name in total.FailedTests)
        {
            yield return $"- ❌ `{name.Replace("`", "'", StringComparison.Ordinal)}`";
        }
    }

    private static string Cell(string text) => text.Replace("|", "\\|", StringComparison.Ordinal);
}
