using System.Text.Json;
using Pipeline.Planning;

namespace Pipeline.Execution;

/// <summary>
/// How the other jobs of a CI run ended, for a target that reports on the run
/// (<see cref="TargetDefinition.ReportsOnRun"/>): each job is its own process, so without them its
/// <see cref="RunSoFar"/> would hold only its own job. The generator hands them over shaped like the
/// <c>needs</c> context, one entry per job:
/// <c>{"lint": {"runs": ["Format", "Lint"], "result": "failure", "targets": {"Lint": {"outcome": "failed", …}}}}</c>,
/// with the job's <c>needs.&lt;job&gt;.result</c> and its <see cref="JobOutcomes"/> output. A target gets
/// its own outcome when the job wrote one, else the job's result (a matrix job, or one that stopped early).
/// Not set locally, where one process sees every target; set by hand, it replays a CI run's report.
/// </summary>
internal static class OtherJobResults
{
    public static readonly string Variable = ContextVariables.NameOf("needs");

    private const string Shape = """{"<job>": {"runs": ["<Target>", …], "result": "success|failure|cancelled|skipped", "targets": {…}|null}}""";

    // A target several jobs ran (a shared restore, say) tells the worst of them.
    private static readonly TargetOutcome[] Severity =
        [TargetOutcome.Failed, TargetOutcome.Canceled, TargetOutcome.Warning, TargetOutcome.Succeeded, TargetOutcome.UpToDate, TargetOutcome.Skipped];

    /// <summary>The targets other jobs ran, as finished targets; none when the variable is unset.</summary>
    /// <exception cref="UsageException">The value is not what the generator writes, or names a target the pipeline lacks.</exception>
    public static IReadOnlyList<FinishedTarget> Read(IReadOnlyDictionary<string, string> variables, TargetGraph graph)
    {
        if (variables.GetValueOrDefault(Variable) is not { } text || string.IsNullOrWhiteSpace(text))
        {
            return [];
        }

        using var document = Parse(text);
        if (document.RootElement.ValueKind != JsonValueKind.Object)
        {
            throw Malformed("it is not a JSON object");
        }

        var finished = new List<FinishedTarget>();
        foreach (var job in document.RootElement.EnumerateObject())
        {
            foreach (var target in JobTargets(job, graph))
            {
                var index = finished.FindIndex(f => f.Name == target.Name);
                if (index < 0)
                {
                    finished.Add(target);
                }
                else if (Array.IndexOf(Severity, target.Outcome) < Array.IndexOf(Severity, finished[index].Outcome))
                {
                    finished[index] = target;
                }
            }
        }

        return finished;
    }

    private static List<FinishedTarget> JobTargets(JsonProperty job, TargetGraph graph)
    {
        var entry = job.Value;
        if (entry.ValueKind != JsonValueKind.Object || !entry.TryGetProperty("runs", out var runs) || runs.ValueKind != JsonValueKind.Array)
        {
            throw Malformed($"the job {job.Name} has no \"runs\" list");
        }

        var result = entry.TryGetProperty("result", out var value) && value.ValueKind == JsonValueKind.String ? value.GetString() : null;
        var outcomes = entry.TryGetProperty("targets", out var written) && written.ValueKind == JsonValueKind.Object ? written : (JsonElement?)null;
        var targets = new List<FinishedTarget>();
        foreach (var run in runs.EnumerateArray())
        {
            var name = run.ValueKind == JsonValueKind.String ? run.GetString()! : throw Malformed($"the job {job.Name} runs something that is not a target name");
            var target = graph.Targets.FirstOrDefault(t => t.Name == name)
                ?? throw Malformed($"it names {name}, which is not a target of this pipeline (regenerate the workflow: ./build.sh --generate)");
            var own = outcomes is { } all && all.TryGetProperty(name, out var outcome) ? JobOutcomes.Read(target, outcome) : null;
            targets.Add(own
                ?? FromJobResult(target, result)
                ?? throw Malformed($"the result of the job {job.Name} is not one of success, failure, cancelled, skipped"));
        }

        return FailedAfterItsTargets(targets, result);
    }

    /// <summary>
    /// A job can fail after its targets succeeded (an upload, a step after the build): its failure must
    /// not vanish from the run, so its last target carries it.
    /// </summary>
    private static List<FinishedTarget> FailedAfterItsTargets(List<FinishedTarget> targets, string? result)
    {
        var (outcome, why) = result switch
        {
            "failure" => (TargetOutcome.Failed, "its CI job failed after its targets ran"),
            "cancelled" => (TargetOutcome.Canceled, "its CI job was cancelled after its targets ran"),
            _ => (TargetOutcome.Succeeded, null),
        };
        if (why is null || targets.Count == 0 || targets.Any(t => t.Outcome is TargetOutcome.Failed or TargetOutcome.Canceled or TargetOutcome.Warning))
        {
            return targets;
        }

        targets[^1] = targets[^1] with { Outcome = outcome, Reason = why };
        return targets;
    }

    private static JsonDocument Parse(string text)
    {
        try
        {
            return JsonDocument.Parse(text);
        }
        catch (JsonException e)
        {
            throw Malformed("it is not JSON: " + e.Message.Split('\n')[0]);
        }
    }

    /// <summary>
    /// The job's result stands for each target it ran when the job wrote no outcome of its own: which
    /// of them failed, and how long each took, only that job's log tells. A warning-only target's job
    /// may fail without failing the run.
    /// </summary>
    private static FinishedTarget? FromJobResult(TargetDefinition target, string? result)
    {
        (TargetOutcome Outcome, string? Reason)? ended = result switch
        {
            "success" => (TargetOutcome.Succeeded, null),
            "failure" => (target.WarningOnly ? TargetOutcome.Warning : TargetOutcome.Failed, "its CI job failed"),
            "cancelled" => (TargetOutcome.Canceled, "its CI job was cancelled"),
            "skipped" => (TargetOutcome.Skipped, "its CI job was skipped"),
            _ => null,
        };
        return ended is var (outcome, reason) ? new FinishedTarget(target.Name, outcome, TimeSpan.Zero, reason) { InOtherJob = true } : null;
    }

    private static UsageException Malformed(string why) =>
        new($"{Variable} is not what a generated workflow sets ({Shape}): {why}.");
}
