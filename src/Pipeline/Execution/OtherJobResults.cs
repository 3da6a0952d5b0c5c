using System.Text.Json;
using Pipeline.Planning;

namespace Pipeline.Execution;

/// <summary>
/// How the other jobs of a CI run ended, for a target that reports on the run
/// (<see cref="TargetDefinition.ReportsOnRun"/>): each job is its own process, so without them its
/// <see cref="RunSoFar"/> would hold only its own job. The generator hands them over as the
/// <c>needs</c> context a local run shows, keyed by the targets each job ran:
/// <c>{"TestServices": {"result": "failure"}}</c>, each value from that job's <c>needs.&lt;job&gt;.result</c>.
/// Not set locally, where one process sees every target; set by hand, it replays a CI run's report.
/// </summary>
internal static class OtherJobResults
{
    public static readonly string Variable = ContextVariables.NameOf("needs");

    private const string Shape = """{"<Target>": {"result": "success|failure|cancelled|skipped"}}""";

    /// <summary>The targets other jobs ran, as finished targets with their job's outcome; none when the variable is unset.</summary>
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
        foreach (var (name, entry) in document.RootElement.EnumerateObject().Select(p => (p.Name, p.Value)))
        {
            var target = graph.Targets.FirstOrDefault(t => t.Name == name)
                ?? throw Malformed($"it names {name}, which is not a target of this pipeline (regenerate the workflow: ./build.sh --generate)");
            if (finished.Any(f => f.Name == name))
            {
                throw Malformed($"it names {name} twice");
            }

            var result = entry.ValueKind == JsonValueKind.Object && entry.TryGetProperty("result", out var value) && value.ValueKind == JsonValueKind.String
                ? value.GetString()
                : null;
            finished.Add(Finished(target, result) ?? throw Malformed($"the result of {name} is not one of success, failure, cancelled, skipped"));
        }

        return finished;
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
    /// The job's result stands for each target it ran: which of them failed, and how long each took,
    /// only that job's log tells. A warning-only target's job may fail without failing the run.
    /// </summary>
    private static FinishedTarget? Finished(TargetDefinition target, string? result)
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
