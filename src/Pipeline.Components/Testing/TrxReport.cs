using System.Xml.Linq;

namespace Pipeline.Components.Testing;

/// <summary>Reads TRX files (the Visual Studio test results format <c>dotnet test --logger trx</c> writes).</summary>
internal static class TrxReport
{
    private static readonly XNamespace Trx = "http://microsoft.com/schemas/VisualStudio/TeamTest/2010";

    private enum Verdict
    {
        Passed,
        Skipped,
        Failed,
    }

    /// <summary>
    /// Sums the test results of every file. <c>Passed</c> passed; <c>NotExecuted</c> (skipped) and
    /// <c>Inconclusive</c> were skipped; every other outcome failed: Failed, Error, Timeout, Aborted,
    /// NotRunnable, Disconnected, PassedButRunAborted, Warning, a result never finished (InProgress,
    /// Pending, Completed), or none at all. A gate must not pass a result it cannot call a pass.
    /// A failed test is named with its outcome unless that is plain Failed: <c>Calc.Tests.Hangs (Timeout)</c>.
    /// </summary>
    public static TestSummary Read(IEnumerable<string> files)
    {
        var results = files
            .SelectMany(file => XDocument.Load(file).Descendants(Trx + "UnitTestResult"))
            .Select(r => (
                Name: (string?)r.Attribute("testName") ?? "(unnamed)",
                Outcome: (string?)r.Attribute("outcome"),
                Message: (string?)r.Element(Trx + "Output")?.Element(Trx + "ErrorInfo")?.Element(Trx + "Message")))
            .ToList();
        var failed = results
            .Where(r => VerdictOf(r.Outcome) == Verdict.Failed)
            .Select(r => (Name: r.Outcome == "Failed" ? r.Name : $"{r.Name} ({r.Outcome ?? "no outcome"})", r.Message))
            .ToList();
        return new TestSummary(
            results.Count(r => VerdictOf(r.Outcome) == Verdict.Passed),
            failed.Count,
            results.Count(r => VerdictOf(r.Outcome) == Verdict.Skipped),
            [.. failed.Select(f => f.Name)],
            [])
        {
            Messages = failed
                .Where(f => !string.IsNullOrWhiteSpace(f.Message))
                .DistinctBy(f => f.Name)
                .ToDictionary(f => f.Name, f => FailureMessage.Shortened(f.Message!), StringComparer.Ordinal),
        };
    }

    // The outcomes are the TestOutcome values of the TRX schema (vstst.xsd).
    private static Verdict VerdictOf(string? outcome) => outcome switch
    {
        "Passed" => Verdict.Passed,
        "NotExecuted" or "Inconclusive" => Verdict.Skipped,
        _ => Verdict.Failed,
    };
}
