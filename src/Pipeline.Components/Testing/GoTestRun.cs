namespace Pipeline.Components.Testing;

/// <summary>A parsed <c>go test -json</c> run: the summary, each failed test's printed lines, and go's verdict line per package.</summary>
internal sealed record GoTestRun(
    TestSummary Summary, IReadOnlyDictionary<string, IReadOnlyList<string>> FailureOutput, IReadOnlyList<string> PackageLines);
