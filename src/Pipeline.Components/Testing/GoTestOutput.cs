using System.Text.Json;

namespace Pipeline.Components.Testing;

/// <summary>
/// Reads the event stream of <c>go test -json</c>: one JSON object per line. A test is named
/// <c>package/TestName</c>; a package that failed without a failing test (it did not build, or its
/// TestMain failed) counts as one failure named after the package.
/// </summary>
internal static class GoTestOutput
{
    /// <summary>The summary of a run: counts and failed names.</summary>
    public static TestSummary Parse(IEnumerable<string> lines) => Read(lines).Summary;

    /// <summary>The summary, and what each failed test printed (its assertion messages).</summary>
    public static GoTestRun Read(IEnumerable<string> lines)
    {
        int passed = 0, skipped = 0;
        var failedTests = new List<string>();
        var failedPackages = new List<string>();
        var packagesWithFailedTests = new HashSet<string>(StringComparer.Ordinal);
        var output = new Dictionary<string, List<string>>(StringComparer.Ordinal);
        var packageLines = new List<string>();
        foreach (var line in lines)
        {
            // Build errors and plain text can be interleaved; only events count.
            if (Event.From(line) is not { } e)
            {
                continue;
            }

            if (e.Test is null)
            {
                if (e.Action == "fail")
                {
                    failedPackages.Add(e.Package);
                }
                else if (e.Action == "output" && PackageVerdict(e.Output) is { } verdict)
                {
                    packageLines.Add(verdict);
                }

                continue;
            }

            var name = e.Package.Length == 0 ? e.Test : $"{e.Package}/{e.Test}";
            switch (e.Action)
            {
                case "output":
                    (output.TryGetValue(name, out var printed) ? printed : output[name] = []).Add(e.Output.TrimEnd('\n'));
                    break;
                case "pass":
                    passed++;
                    break;
                case "skip":
                    skipped++;
                    break;
                case "fail":
                    failedTests.Add(name);
                    packagesWithFailedTests.Add(e.Package);
                    break;
                default:
                    break;
            }
        }

        failedTests.AddRange(failedPackages.Where(p => !packagesWithFailedTests.Contains(p)).Select(p => $"{p} (package failed)"));
        var summary = new TestSummary(passed, failedTests.Count, skipped, failedTests, [])
        {
            // go's own framing lines ("=== RUN", "--- FAIL: … (0.00s)") say nothing the name does not.
            Messages = failedTests
                .Select(t => (Test: t, Said: (output.GetValueOrDefault(t) ?? []).Select(l => l.Trim()).Where(l => l.Length > 0 && !l.StartsWith("=== ", StringComparison.Ordinal) && !l.StartsWith("--- ", StringComparison.Ordinal)).ToList()))
                .Where(t => t.Said.Count > 0)
                .ToDictionary(t => t.Test, t => FailureMessage.Shortened(string.Join('\n', t.Said)), StringComparer.Ordinal),
        };
        return new GoTestRun(
            summary,
            failedTests.ToDictionary(t => t, t => (IReadOnlyList<string>)(output.GetValueOrDefault(t) ?? []), StringComparer.Ordinal),
            packageLines);
    }

    // go's one line per package, as plain `go test` prints it: "ok  pkg 0.01s", "FAIL pkg", "?  pkg [no test files]".
    private static string? PackageVerdict(string output)
    {
        var line = output.TrimEnd('\n');
        return line.StartsWith("ok ", StringComparison.Ordinal) || line.StartsWith("FAIL\t", StringComparison.Ordinal) || line.StartsWith("? ", StringComparison.Ordinal)
            ? string.Join("  ", line.Split('\t').Select(part => part.Trim()))
            : null;
    }

    // The members are named as go's JSON fields are.
    private sealed record Event(string Action, string Package, string? Test, string Output)
    {
        public static Event? From(string line)
        {
            if (!line.TrimStart().StartsWith('{'))
            {
                return null;
            }

            try
            {
                using var document = JsonDocument.Parse(line);
                var root = document.RootElement;
                return root.TryGetProperty(nameof(Action), out var action)
                    ? new Event(
                        action.GetString() ?? "",
                        root.TryGetProperty(nameof(Package), out var package) ? package.GetString() ?? "" : "",
                        root.TryGetProperty(nameof(Test), out var test) ? test.GetString() : null,
                        root.TryGetProperty(nameof(Output), out var output) ? output.GetString() ?? "" : "")
                    : null;
            }
            catch (JsonException)
            {
                return null; // a line that only looks like JSON: a test printed it
            }
        }
    }
}
