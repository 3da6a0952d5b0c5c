namespace Pipeline.Components.Testing;

/// <summary>
/// The outcome of one test run, whatever the tool: counts, the failed tests by name (so a target can
/// report them one by one) and the result files the tool wrote (uploaded by CI).
/// </summary>
public sealed record TestSummary(int Passed, int Failed, int Skipped, IReadOnlyList<string> FailedTests, IReadOnlyList<string> ResultFiles)
{
    /// <summary>No tests, no files: the start of a sum.</summary>
    public static TestSummary Empty { get; } = new(0, 0, 0, [], []);

    /// <summary>
    /// What a failed test said, by its name in <see cref="FailedTests"/> (an assertion's message, its
    /// first lines), where the tool tells: the run report shows it beside the name.
    /// </summary>
    public IReadOnlyDictionary<string, string> Messages { get; init; } = new Dictionary<string, string>();

    /// <summary>The same counts with these result files.</summary>
    public TestSummary WithResultFiles(params IEnumerable<string> files) => this with { ResultFiles = [.. files] };

    /// <summary>Adds counts, failed names and files of both.</summary>
    public TestSummary Plus(TestSummary other)
    {
        ArgumentNullException.ThrowIfNull(other);
        return new(
            Passed + other.Passed,
            Failed + other.Failed,
            Skipped + other.Skipped,
            [.. FailedTests, .. other.FailedTests],
            [.. ResultFiles, .. other.ResultFiles])
        {
            Messages = Messages.Concat(other.Messages).DistinctBy(m => m.Key).ToDictionary(StringComparer.Ordinal),
        };
    }

    /// <summary>The line CI and people read: <c>N passed, N failed, N skipped</c>.</summary>
    public override string ToString() => $"{Passed} passed, {Failed} failed, {Skipped} skipped";
}
