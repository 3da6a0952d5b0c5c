using System.Security.Cryptography;
using System.Text;
using Pipeline.Planning;

namespace Pipeline.Execution.Incremental;

/// <summary>
/// <c>--fingerprints</c>: the fingerprint of each planned target (and matrix cell) with declared
/// inputs, by the code a run uses, and one key over all of them, as <c>name=value</c> lines for a CI
/// step's <c>$GITHUB_OUTPUT</c>. It runs, restores and writes nothing in <c>.nuke/temp</c>.
/// </summary>
internal static class FingerprintReport
{
    /// <summary>The line with the key over every fingerprint: what a generated job keys its cache by.</summary>
    public const string KeyName = "key";

    public const string Prefix = "fingerprint-";

    /// <summary>A fingerprint that depends on a value known only once the job runs.</summary>
    public const string Unknown = "unknown";

    public static async Task<IReadOnlyList<KeyValuePair<string, string>>> ComputeAsync(
        Plan plan, IncrementalTargets incremental, IReadOnlyDictionary<string, string> variables, CancellationToken cancellation)
    {
        ArgumentNullException.ThrowIfNull(plan);
        ArgumentNullException.ThrowIfNull(incremental);
        var producedHere = plan.ToRun.SelectMany(t => t.Definition.OutputsProduced).Select(o => o.Name).ToHashSet(StringComparer.Ordinal);
        var jobCell = TargetExecutor.JobCellOf(plan, variables);
        var carried = new RunOutputs(variables, () => []);
        var lines = new List<KeyValuePair<string, string>>();
        foreach (var target in plan.ToRun.Select(t => t.Definition).Where(d => d.Inputs is not null))
        {
            // An output set by a target of this plan is known only after it ran: the engine decides then.
            // One set before this job reaches it as a variable, as in a run.
            var waits = target.Inputs!.UpstreamOutputs.Any(o => producedHere.Contains(o.Name)) || target.Matrix is { Source: not null };
            if (waits)
            {
                lines.Add(new(Prefix + target.Name, Unknown));
                continue;
            }

            // The cells a run keys it by: its own, or, outside a matrix, the CI leg's (see TargetExecutor).
            IReadOnlyList<MatrixCell?> cells = target.Matrix is { } matrix ? [.. matrix.CellsSelectedBy(variables)] : [jobCell];
            foreach (var cell in cells)
            {
                var fingerprint = await incremental.FingerprintAsync(target, cell, carried.TextOf, cancellation).ConfigureAwait(false);
                lines.Add(new(NameOf(target.Name, cell), fingerprint.Key));
            }
        }

        lines.Add(new(KeyName, KeyOver(lines)));
        return lines;
    }

    /// <summary>Appends the lines to the step's output file, as GitHub reads it.</summary>
    public static void WriteTo(string outputFile, IReadOnlyList<KeyValuePair<string, string>> lines) =>
        File.AppendAllText(outputFile, string.Concat(lines.Select(l => $"{l.Key}={l.Value}\n")));

    /// <summary>Output names cannot hold '=' (GitHub splits there), so a cell's values become dashes.</summary>
    private static string NameOf(string target, MatrixCell? cell) =>
        cell is null
            ? Prefix + target
            : Prefix + target + "-" + new string([.. cell.ToString().Select(c => char.IsAsciiLetterOrDigit(c) || c is '_' or '-' or '.' ? c : '-')]);

    private static string KeyOver(IEnumerable<KeyValuePair<string, string>> lines)
    {
        var text = string.Concat(lines.Select(l => $"{l.Key}={l.Value}\n").Order(StringComparer.Ordinal));
        return Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(text)));
    }
}
