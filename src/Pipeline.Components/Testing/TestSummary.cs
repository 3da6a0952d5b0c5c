namespace Pipeline.Components.Testing;

/// <summary>
/// The outcome of one test run, whatever the tool: counts, the failed tests by name (so a target can
/// report them one by one) and the result files the tool wrote (uploaded by CI).
/// </summary>
public sealed record TestSummary(int Passed, int Failed, int Skipped, IReadOnlyList<string> FailedTests, IReadOnlyList<string> ResultFiles)
{
    /// <summary>No tests, no files: the start of a sum.</summary>
    public static TestSummary Empty { get; } = new(0, 0, 0, [], []);

    /// <summary>The same counts with these result files.</summary>
    public TestSummary WithResultFiles(params IEnumerable<string> files) => this with { ResultFiles = [.. files] };

    /// <summary>Adds counts, failed names and files of both.</summary>
    public TestSummary Plus(TestSummary other) => new(
        Passed + other.Passed,
        Failed + other.Failed,
        Skipped + other.Skipped,
        [.. FailedTests, .. other.FailedTests],
        [.. ResultFiles, .. other.ResultFiles]);

    /// <summary>The line CI and people read: <c>N passed, N failed, N skipped</c>.</summary>
    public override string ToString() => $"{Passed} passed, {Failed} failed, {Skipped} skipped";
}
