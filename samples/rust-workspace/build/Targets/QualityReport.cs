using System.Globalization;
using System.Text;
using System.Text.RegularExpressions;
using Pipeline;
using Pipeline.Components.Scanning;

namespace RustWorkspace.Build;

/// <summary>
/// The seed's quality report, also after a failure: each service tested and its totals, the state of
/// every gate of the run (in CI its job waits for every other job and hears how each ended), and the
/// security audit's counts. Written to <c>artifacts/quality-report.md</c>
/// and to the run's summary page; a report, never a gate.
/// </summary>
public sealed partial class QualityReport : Target
{
    /// <summary>The test target's results (every cell's, downloaded together in CI).</summary>
    private static readonly Artifact TestResults = Artifact.Of("test-results", "artifacts/test-results") with { EvenOnFailure = true };

    protected override void Configure(TargetSpec target) => target
        .Description("Writes the quality report: services tested, gate states, audit counts")
        .DependsOn<TestServices>()
        .DependsOn<SecurityAudit>()
        .Consumes(TestResults)
        .Consumes(ScanOutputs.Vulnerabilities)
        .Produces(Artifact.Of("quality-report", "artifacts/quality-report.md") with { EvenOnFailure = true })
        .AssuredAfterFailure()
        .ReportsOnRun()
        .WarningOnly();

    protected override async Task RunAsync(TargetContext context)
    {
        var report = new StringBuilder("## Quality report\n\n| service | passed | failed |\n| --- | --- | --- |\n");
        int passed = 0, failed = 0, tested = 0;
        foreach (var service in Services.Axis.Values)
        {
            var totals = Totals(context.RootDirectory / "artifacts" / "test-results" / FolderOf(TestServices.Suite(service).Name) / "cargo-test.txt");
            if (totals is var (p, f))
            {
                (passed, failed, tested) = (passed + p, failed + f, tested + 1);
            }

            report.Append($"| {Services.Crate(service)} | {totals?.Passed.ToString(CultureInfo.InvariantCulture) ?? "not run"} | {totals?.Failed.ToString(CultureInfo.InvariantCulture) ?? "-"} |\n");
        }

        report.Append("\n| gate | state |\n| --- | --- |\n");
        foreach (var gate in context.RunSoFar.Targets)
        {
            report.Append($"| {gate.Name} | {gate.Outcome}{(gate.Reason is { Length: > 0 } why ? ": " + why : "")} |\n");
        }

        var audit = SecurityAuditCounts(context);
        report.Append($"\nSecurity audit: {audit}\n");
        var file = context.RootDirectory / "artifacts" / "quality-report.md";
        Directory.CreateDirectory(Path.GetDirectoryName(file)!);
        await File.WriteAllTextAsync(file, report.ToString(), context.Cancellation);
        context.StepSummary.Append(report.ToString().Split('\n'));
        context.Log.Info($"{tested} of {Services.Axis.Values.Count} services tested: {passed} passed, {failed} failed; security audit: {audit}");
    }

    // The output exists only when the audit ran in this process (or its job handed it on).
    private static string SecurityAuditCounts(TargetContext context)
    {
        try
        {
            return context.Get(ScanOutputs.Vulnerabilities).ToString();
        }
        catch (TargetFailedException)
        {
            return "not run";
        }
    }

    /// <summary>The sums of cargo's <c>test result:</c> lines in a cell's saved output; null when that cell did not run here.</summary>
    private static (int Passed, int Failed)? Totals(AbsolutePath file)
    {
        if (!File.Exists(file))
        {
            return null;
        }

        var sums = File.ReadLines(file).Select(l => ResultLine().Match(l)).Where(m => m.Success)
            .Select(m => (int.Parse(m.Groups[1].Value, CultureInfo.InvariantCulture), int.Parse(m.Groups[2].Value, CultureInfo.InvariantCulture)));
        return sums.Aggregate((0, 0), (sum, s) => (sum.Item1 + s.Item1, sum.Item2 + s.Item2));
    }

    // As the test component names each suite's results folder.
    private static string FolderOf(string suite) => string.Concat(suite.Select(c => char.IsAsciiLetterOrDigit(c) ? c : '-')).Trim('-');

    [GeneratedRegex(@"^test result: \w+\. (\d+) passed; (\d+) failed")]
    private static partial Regex ResultLine();
}
