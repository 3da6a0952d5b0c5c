using System.Xml.Linq;

namespace Pipeline.Components.Testing;

/// <summary>Reads TRX files (the Visual Studio test results format <c>dotnet test --logger trx</c> writes).</summary>
public static class TrxReport
{
    private static readonly XNamespace Trx = "http://microsoft.com/schemas/VisualStudio/TeamTest/2010";

    /// <summary>Sums the test results of every file; a skipped test is one the runner did not execute.</summary>
    public static TestSummary Read(IEnumerable<string> files)
    {
        var results = files
            .SelectMany(file => XDocument.Load(file).Descendants(Trx + "UnitTestResult"))
            .Select(r => (Name: (string?)r.Attribute("testName") ?? "(unnamed)", Outcome: (string?)r.Attribute("outcome")))
            .ToList();
        var failed = results.Where(r => r.Outcome is "Failed" or "Error" or "Timeout" or "Aborted").Select(r => r.Name).ToList();
        return new TestSummary(
            results.Count(r => r.Outcome == "Passed"),
            failed.Count,
            results.Count(r => r.Outcome is "NotExecuted" or "Inconclusive"),
            failed,
            []);
    }
}
