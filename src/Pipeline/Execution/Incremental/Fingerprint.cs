using System.Security.Cryptography;
using System.Text;

namespace Pipeline.Execution.Incremental;

/// <summary>
/// A target's (or matrix cell's) inputs and their SHA-256 key: content hashes and values only, never
/// timestamps, so the same inputs give the same key on any machine.
/// </summary>
internal sealed record Fingerprint(string Key, IReadOnlyDictionary<string, string> Inputs)
{
    private const string Format = "pipeline-fingerprint 1";

    public static Fingerprint Of(string target, MatrixCell? cell, IReadOnlyDictionary<string, string> inputs)
    {
        var text = new StringBuilder().Append(Format).Append('\n').Append(target).Append('\n').Append(cell?.ToString()).Append('\n');
        foreach (var (key, value) in inputs.OrderBy(i => i.Key, StringComparer.Ordinal))
        {
            text.Append(key).Append('\0').Append(value).Append('\n');
        }

        return new Fingerprint(Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(text.ToString()))), inputs);
    }

    /// <summary>What changed from <paramref name="before"/>, one phrase each: "file src/a.cs edited", "parameter Configuration changed".</summary>
    public static IReadOnlyList<string> Changes(IReadOnlyDictionary<string, string> before, IReadOnlyDictionary<string, string> now)
    {
        var changes = new List<string>();
        foreach (var key in before.Keys.Union(now.Keys).Order(StringComparer.Ordinal))
        {
            var had = before.TryGetValue(key, out var old);
            var has = now.TryGetValue(key, out var current);
            var isFile = key.StartsWith(InputKey.File, StringComparison.Ordinal);
            if (!had)
            {
                changes.Add(isFile ? key + " added" : key + " is a new input");
            }
            else if (!has)
            {
                changes.Add(isFile ? key + " deleted" : key + " is no longer an input");
            }
            else if (old != current)
            {
                changes.Add(
                    isFile ? key + " edited"
                    : key.StartsWith(InputKey.Tool, StringComparison.Ordinal) ? $"{key} changed ({old} → {current})"
                    : key + " changed");
            }
        }

        return changes;
    }

    /// <summary>Up to three changes in one line, then how many more.</summary>
    public static string Describe(IReadOnlyList<string> changes) => changes.Count switch
    {
        0 => "its fingerprint changed",
        <= 3 => string.Join(", ", changes),
        _ => $"{string.Join(", ", changes.Take(3))} and {changes.Count - 3} more",
    };
}
