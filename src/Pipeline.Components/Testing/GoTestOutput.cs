using System.Text.Json;

namespace Pipeline.Components.Testing;

/// <summary>Reads the event stream of <c>go test -json</c>: one JSON object per line.</summary>
public static class GoTestOutput
{
    public static TestSummary Parse(IEnumerable<string> lines)
    {
        int passed = 0, failed = 0, skipped = 0;
        var failedTests = new List<string>();
        foreach (var line in lines)
        {
            // Build errors and plain text can be interleaved; only events count.
            if (!line.TrimStart().StartsWith('{'))
            {
                continue;
            }

            using var document = JsonDocument.Parse(line);
            var root = document.RootElement;
            // Package-level pass/fail events carry no Test and are not tests.
            if (!root.TryGetProperty("Test", out var test) || !root.TryGetProperty("Action", out var action))
            {
                continue;
            }

            var package = root.TryGetProperty("Package", out var p) ? p.GetString() : null;
            switch (action.GetString())
            {
                case "pass":
                    passed++;
                    break;
                case "skip":
                    skipped++;
                    break;
                case "fail":
                    failed++;
                    failedTests.Add(package is null ? test.GetString()! : $"{package}/{test.GetString()}");
                    break;
                default:
                    break;
            }
        }

        return new TestSummary(passed, failed, skipped, failedTests);
    }
}
