using System.Text.Json;
using Pipeline.Execution;

namespace Pipeline.GitHubActions;

// A job reporting on the run is its own process: it hears how every job before it ended, so its
// RunSoFar tells the whole run as a local run's does.
internal sealed partial class JobPlanner
{
    /// <summary>
    /// For a job running a target that reports on the run (<see cref="TargetDefinition.ReportsOnRun"/>):
    /// <see cref="OtherJobResults.Variable"/>, each target the jobs it waits for ran with that job's
    /// <c>needs.&lt;job&gt;.result</c>. Each result is named on its own: <c>toJSON(needs)</c> would carry
    /// every job output, secrets included, into the environment.
    /// </summary>
    private IEnumerable<KeyValuePair<string, string>> RunResults(List<TargetDefinition> runs, JobTargets targets)
    {
        var entries = split
            .Where(job => targets.WaitsFor.Contains(job.Root))
            .SelectMany(job => job.Runs.Select(target =>
                $"  {JsonSerializer.Serialize(target)}: {{\"result\": ${{{{ toJSON(needs.{IdOf(job.Root)}.result) }}}}}}"))
            .ToList();
        if (runs.Any(t => t.ReportsOnRun) && entries.Count > 0)
        {
            yield return KeyValuePair.Create(OtherJobResults.Variable, "{\n" + string.Join(",\n", entries) + "\n}\n");
        }
    }
}
