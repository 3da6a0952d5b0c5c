using System.Runtime.CompilerServices;
using System.Text.Json;

namespace Pipeline.Components.Testing;

/// <summary>
/// Each suite's summary, kept as <c>summary.json</c> in its results folder: a suite that is up to date
/// did not run, and its counts come from here (the folder is the suite's output, restored with it).
/// </summary>
internal static class RecordedResults
{
    public const string FileName = "summary.json";

    private static readonly JsonSerializerOptions Json = new(JsonSerializerDefaults.Web) { WriteIndented = true };

    // A run's parameter values are one object for all its targets: in-process, that names the run.
    private static readonly ConditionalWeakTable<ParameterValues, string> Runs = [];

    /// <summary>Relative to the root: the folder a suite's results, and its summary, live in.</summary>
    public static string FolderOf(ITestSuite suite) => $"{TestResultFiles.Directory}/{TestResultFiles.FileNameOf(suite.Name)}";

    public static void Write(TargetContext context, ITestSuite suite, TestSummary summary)
    {
        var folder = context.RootDirectory / FolderOf(suite);
        Directory.CreateDirectory(folder);
        var record = new Record(RunOf(context.Parameters), summary.Passed, summary.Failed, summary.Skipped, summary.FailedTests);
        File.WriteAllText(folder / FileName, JsonSerializer.Serialize(record, Json));
    }

    /// <summary>The suite's last summary, and whether this run wrote it; null when none is recorded.</summary>
    public static (TestSummary Summary, bool ThisRun)? Read(TargetContext context, ITestSuite suite)
    {
        var file = context.RootDirectory / FolderOf(suite) / FileName;
        if (!File.Exists(file))
        {
            return null;
        }

        try
        {
            var record = JsonSerializer.Deserialize<Record>(File.ReadAllText(file), Json);
            return record is null
                ? null
                : (new TestSummary(record.Passed, record.Failed, record.Skipped, record.FailedTests ?? [], []), record.Run == RunOf(context.Parameters));
        }
        catch (JsonException)
        {
            return null; // not ours, or cut short: no result rather than a wrong one
        }
    }

    private static string RunOf(ParameterValues parameters) => Runs.GetValue(parameters, _ => Guid.NewGuid().ToString("N"));

    private sealed record Record(string Run, int Passed, int Failed, int Skipped, IReadOnlyList<string>? FailedTests);
}
