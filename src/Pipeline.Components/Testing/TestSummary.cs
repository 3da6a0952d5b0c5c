namespace Pipeline.Components.Testing;

/// <summary>Counts of one test run, whatever the tool; failed names let a target report them one by one.</summary>
public sealed record TestSummary(int Passed, int Failed, int Skipped, IReadOnlyList<string> FailedTests)
{
    public override string ToString() => $"{Passed} passed, {Failed} failed, {Skipped} skipped";
}
