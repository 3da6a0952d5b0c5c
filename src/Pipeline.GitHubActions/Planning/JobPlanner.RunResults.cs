using System.Text.Json;
using Pipeline.Execution;

namespace Pipeline.GitHubActions;

// A job reporting on the run is its own process: it hears how every job before it ended, and how
// each target in them did, so its RunSoFar tells the whole run as a local run's does.
internal sealed partial class JobPlanner
{
    /// <summary>
    /// For a job running a target that reports on the run (<see cref="TargetDefinition.ReportsOnRun"/>):
    /// <see cref="OtherJobResults.Variable"/>, one entry per job it waits for: the targets it runs, its
    /// <c>needs.&lt;job&gt;.result</c>, and the outcomes it recorded per target (<see cref="JobOutcomes"/>).
    /// Each is named on its own: <c>toJSON(needs)</c> would carry every job output, secrets included,
    /// into the environment.
    /// </summary>
    private IEnumerable<KeyValuePair<string, string>> RunResults(List<TargetDefinition> runs, JobTargets targets)
    {
        var entries = split
            .Where(job => targets.WaitsFor.Contains(job.Root))
            .Select(job =>
            {
                var id = IdOf(job.Root);
                var outcomes = RecordsOutcomes(job) ? $"${{{{ needs.{id}.outputs.{JobOutcomes.OutputId} || 'null' }}}}" : "null";
                return $"  {JsonSerializer.Serialize(id)}: {{\"runs\": [{string.Join(", ", job.Runs.Select(r => JsonSerializer.Serialize(r)))}], " +
                    $"\"result\": ${{{{ toJSON(needs.{id}.result) }}}}, \"targets\": {outcomes}}}";
            })
            .ToList();
        if (runs.Any(t => t.ReportsOnRun) && entries.Count > 0)
        {
            yield return KeyValuePair.Create(OtherJobResults.Variable, "{\n" + string.Join(",\n", entries) + "\n}\n");
        }
    }

    /// <summary>
    /// The job output carrying each target's outcome, for a job that a reporting job waits for. Not for a
    /// matrix job: its cells would overwrite each other's, and its one result is the target's.
    /// </summary>
    private IEnumerable<KeyValuePair<string, string>> OutcomesOutput(JobTargets job) =>
        RecordsOutcomes(job)
            ? [KeyValuePair.Create(JobOutcomes.OutputId, $"${{{{ steps.{BuildStepId}.outputs.{JobOutcomes.OutputId} }}}}")]
            : [];

    private bool RecordsOutcomes(JobTargets job) =>
        graph[job.Root].Matrix is null
        && workflow.Jobs.Any(j => j.TargetType == graph[job.Root].TargetType && j.Call is null)
        && split.Any(reporter => reporter.WaitsFor.Contains(job.Root) && reporter.Runs.Any(t => graph[t].ReportsOnRun));
}
