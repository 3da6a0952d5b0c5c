using System.Xml.Linq;

namespace Build;

/// <summary>Sums TRX result files: the one line CI reads, and the names of failed tests.</summary>
public sealed record TrxTotals(int Passed, int Failed, int Skipped, IReadOnlyList<string> FailedTests)
{
    private static readonly XNamespace Trx = "http://microsoft.com/schemas/VisualStudio/TeamTest/2010";

    public static TrxTotals Read(IEnumerable<string> files)
    {
        var results = files.SelectMany(f => XDocument.Load(f).Descendants(Trx + "UnitTestResult")).ToList();
        return new TrxTotals(
            results.Count(r => (string?)r.Attribute("outcome") == "Passed"),
            results.Count(r => (string?)r.Attribute("outcome") == "Failed"),
            results.Count(r => (string?)r.Attribute("outcome") == "NotExecuted"),
            [.. results.Where(r => (string?)r.Attribute("outcome") == "Failed").Select(r => (string?)r.Attribute("testName") ?? "?")]);
    }

    public override string ToString() => $"{Passed} passed, {Failed} failed, {Skipped} skipped";
}
