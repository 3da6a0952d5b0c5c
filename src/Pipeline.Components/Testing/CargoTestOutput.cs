using System.Text.RegularExpressions;

namespace Pipeline.Components.Testing;

/// <summary>Reads the human output of <c>cargo test</c>: one <c>test name ... ok</c> line per test.</summary>
public static partial class CargoTestOutput
{
    public static TestSummary Parse(IEnumerable<string> lines)
    {
        int passed = 0, failed = 0, skipped = 0;
        var failedTests = new List<string>();
        foreach (var line in lines)
        {
            var match = TestLine().Match(line);
            if (!match.Success)
            {
                continue;
            }

            switch (match.Groups["result"].Value)
            {
                case "ok":
                    passed++;
                    break;
                case "ignored":
                    skipped++;
                    break;
                default:
                    failed++;
                    failedTests.Add(match.Groups["name"].Value);
                    break;
            }
        }

        return new TestSummary(passed, failed, skipped, failedTests);
    }

    // "ignored, reason" is how newer cargo prints #[ignore = "..."].
    [GeneratedRegex(@"^test (?<name>\S+) \.\.\. (?<result>ok|FAILED|ignored)")]
    private static partial Regex TestLine();
}
