using Pipeline.Execution;

namespace Pipeline.Output.Report;

/// <summary>
/// Writes the run's report to <c>artifacts/report/index.html</c> at the end of every run, failed or
/// not, says where, and under GitHub Actions links it from the step summary (the generated job
/// uploads the folder as an artifact). A report that cannot be written is a warning: the run's
/// result never depends on it.
/// </summary>
internal static class ReportFile
{
    public const string RelativePath = "artifacts/report/index.html";

    public static void Write(
        AbsolutePath root, RunReport report, IReadOnlyList<PublishedSection> sections, ReportFacts facts, OutputConsole console, StepSummary stepSummary)
    {
        ArgumentNullException.ThrowIfNull(console);
        ArgumentNullException.ThrowIfNull(stepSummary);
        var path = root / RelativePath;
        try
        {
            Directory.CreateDirectory(path.Parent!);
            File.WriteAllText(path, ReportPage.Render(report, sections, facts, console.Masker.Mask));
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            console.WriteErrorLine($"warning: the run report {RelativePath} could not be written ({e.Message}).");
            return;
        }

        console.WriteLine($"Report: {RelativePath}");
        if (stepSummary.IsAvailable && facts.GitHub is { Repository: { } repository, RunId: { } runId } gitHub)
        {
            var artifacts = new Uri(gitHub.ServerUrl, $"{repository}/actions/runs/{runId}#artifacts");
            stepSummary.Append([$"📄 [Run report]({artifacts}): the artifact `{ArtifactName(gitHub)}` (in a matrix, followed by the leg's index) holds `{RelativePath}`: timeline, critical path, tests, findings."]);
        }
    }

    /// <summary>
    /// The artifact the generated job uploads the report as: one per job, as upload-artifact refuses
    /// a name twice in a run (a matrix job's legs add their index).
    /// </summary>
    public static string ArtifactName(GitHubRun gitHub)
    {
        ArgumentNullException.ThrowIfNull(gitHub);
        return "run-report-" + gitHub.Job;
    }
}
