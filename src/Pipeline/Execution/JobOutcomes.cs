using System.Text.Json;

namespace Pipeline.Execution;

/// <summary>
/// How each target of a CI job ended, written as the build step's <c>pipeline-outcomes</c> output:
/// a job reporting on the run reads it (<see cref="OtherJobResults"/>) so that a job running Format
/// and Lint tells which of the two failed, and how long each took; the job's result alone cannot.
/// <c>{"Lint": {"outcome": "failed", "seconds": 3.2, "reason": "2 findings"}}</c>.
/// </summary>
internal static class JobOutcomes
{
    /// <summary>The step output's id, and the job output's that carries it on.</summary>
    public const string OutputId = "pipeline-outcomes";

    // A job's outputs share 1 MB: a failure's first line is enough for a report.
    private const int ReasonLength = 300;

    private static readonly Dictionary<TargetOutcome, string> Names = new()
    {
        [TargetOutcome.Succeeded] = "succeeded",
        [TargetOutcome.UpToDate] = "up-to-date",
        [TargetOutcome.Warning] = "warning",
        [TargetOutcome.Failed] = "failed",
        [TargetOutcome.Skipped] = "skipped",
        [TargetOutcome.Canceled] = "canceled",
    };

    /// <summary>The outcomes of what this process ran (not what it passed to <c>--skip</c>), masked.</summary>
    public static string Serialize(IEnumerable<FinishedTarget> ran, Func<string, string> mask)
    {
        using var buffer = new MemoryStream();
        // Verbatim text, not \u escapes: a secret the runner knows must stay recognisable for its output check.
        using (var json = new Utf8JsonWriter(buffer, new JsonWriterOptions { Encoder = System.Text.Encodings.Web.JavaScriptEncoder.UnsafeRelaxedJsonEscaping }))
        {
            json.WriteStartObject();
            foreach (var target in ran)
            {
                json.WriteStartObject(target.Name);
                json.WriteString("outcome", Names[target.Outcome]);
                json.WriteNumber("seconds", Math.Round(target.Duration.TotalSeconds, 1));
                if (target.Reason is { } reason)
                {
                    json.WriteString("reason", Shortened(mask(reason)));
                }

                json.WriteEndObject();
            }

            json.WriteEndObject();
        }

        return System.Text.Encoding.UTF8.GetString(buffer.ToArray());
    }

    /// <summary>Appends the outcomes to the step's <c>$GITHUB_OUTPUT</c> file.</summary>
    public static void Append(string outputFile, IEnumerable<FinishedTarget> ran, Func<string, string> mask) =>
        File.AppendAllText(outputFile, $"{OutputId}={Serialize(ran, mask)}\n");

    /// <summary>One target's entry as another job wrote it; null when it is not an outcome this engine writes.</summary>
    public static FinishedTarget? Read(TargetDefinition target, JsonElement entry)
    {
        if (entry.ValueKind != JsonValueKind.Object
            || !entry.TryGetProperty("outcome", out var name) || name.ValueKind != JsonValueKind.String
            || Names.FirstOrDefault(n => n.Value == name.GetString()) is not { Value: not null } known)
        {
            return null;
        }

        var seconds = entry.TryGetProperty("seconds", out var s) && s.ValueKind == JsonValueKind.Number ? Math.Max(0, s.GetDouble()) : 0;
        var reason = entry.TryGetProperty("reason", out var r) && r.ValueKind == JsonValueKind.String ? r.GetString() : null;
        return new FinishedTarget(target.Name, known.Key, TimeSpan.FromSeconds(seconds), reason) { InOtherJob = true };
    }

    private static string Shortened(string reason)
    {
        var line = reason.Split('\n')[0].TrimEnd('\r');
        return line.Length <= ReasonLength ? line : line[..(ReasonLength - 1)] + "…";
    }
}
