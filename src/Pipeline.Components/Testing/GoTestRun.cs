namespace Pipeline.Components.Testing;

/// <summary>A parsed <c>go test -json</c> run: the summary, and each failed test's printed lines.</summary>
public sealed record GoTestRun(TestSummary Summary, IReadOnlyDictionary<string, IReadOnlyList<string>> FailureOutput);
