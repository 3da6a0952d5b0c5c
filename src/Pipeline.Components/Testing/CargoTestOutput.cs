using System.Globalization;
using System.Text.RegularExpressions;

namespace Pipeline.Components.Testing;

/// <summary>
/// Reads the human output of <c>cargo test</c>. Counts come from the <c>test result:</c> line each
/// test binary ends with (unit tests, integration tests, doc-tests), summed; failed names from the
/// <c>test name ... FAILED</c> lines.
/// </summary>
internal static partial class CargoTestOutput
{
    /// <summary>The summary of one <c>cargo test</c> run, every test binary summed.</summary>
    public static TestSummary Parse(IEnumerable<string> lines)
    {
        int passed = 0, failed = 0, skipped = 0;
        var failedTests = new List<string>();
        foreach (var line in lines)
        {
            if (FailedTest().Match(line) is { Success: true } test)
            {
                failedTests.Add(test.Groups["name"].Value);
            }
            else if (ResultLine().Match(line) is { Success: true } result)
            {
                passed += Count(result, "passed");
                failed += Count(result, "failed");
                skipped += Count(result, "ignored");
            }
        }

        return new TestSummary(passed, failed, skipped, failedTests, []);
    }

    private static int Count(Match match, string group) => int.Parse(match.Groups[group].Value, CultureInfo.InvariantCulture);

    // Doc-tests are named like "src/lib.rs - add (line 3)": the name runs up to " ... ".
    [GeneratedRegex(@"^test (?<name>.+?) \.\.\. FAILED\s*$")]
    private static partial Regex FailedTest();

    [GeneratedRegex(@"^test result: \w+\. (?<passed>\d+) passed; (?<failed>\d+) failed; (?<ignored>\d+) ignored")]
    private static partial Regex ResultLine();
}
