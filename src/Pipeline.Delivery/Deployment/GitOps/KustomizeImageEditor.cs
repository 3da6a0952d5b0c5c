using YamlDotNet.Core;
using YamlDotNet.Core.Events;
using YamlDotNet.RepresentationModel;

namespace Pipeline.Delivery;

/// <summary>
/// Sets <c>newName</c>, <c>newTag</c> and <c>digest</c> of one entry of a kustomization's <c>images:</c>
/// list. YamlDotNet reads the file (real YAML: anchors, quoting, flow and block styles) and says where
/// each node starts and ends; only those characters are rewritten, and a missing field is added as a
/// line of its own under the entry, so comments and the rest of the file stay as they were — a
/// load-and-dump would lose them.
/// </summary>
internal static class KustomizeImageEditor
{
    /// <summary>The fields of an images entry, in the order kustomize writes them.</summary>
    public static readonly string[] Fields = ["newName", "newTag", "digest"];

    /// <summary>Sets each field whose value is not null in the entry <c>name: <paramref name="image"/></c>.</summary>
    /// <exception cref="FormatException">Not a kustomization with that entry in block style, or not YAML at all.</exception>
    public static string Set(string text, string image, IReadOnlyDictionary<string, string?> values)
    {
        ArgumentNullException.ThrowIfNull(text);
        ArgumentNullException.ThrowIfNull(values);
        var entry = FindEntry(Load(text), image);
        var edits = new List<(int Start, int End, string Text)>();
        var missing = new List<string>();
        foreach (var field in Fields)
        {
            if (values.GetValueOrDefault(field) is not { } value)
            {
                continue;
            }

            if (!entry.Children.TryGetValue(new YamlScalarNode(field), out var node))
            {
                missing.Add($"{field}: {YamlScalarEditor.Format(value, ' ')}");
            }
            else if (node is not YamlScalarNode scalar)
            {
                throw new FormatException($"{field} of the images entry '{image}' (line {node.Start.Line}) is not a scalar.");
            }
            else if (scalar.Value != value)
            {
                var start = (int)scalar.Start.Index;
                var old = start < text.Length ? text[start] : ' ';
                var style = scalar.Style is ScalarStyle.SingleQuoted or ScalarStyle.DoubleQuoted ? old : ' ';
                edits.Add((start, (int)scalar.End.Index, YamlScalarEditor.Format(value, style)));
            }
        }

        if (missing.Count > 0)
        {
            edits.Add(AddedLines(text, entry, missing));
        }

        // From the end, so each edit's offsets still hold.
        foreach (var (start, end, replacement) in edits.OrderByDescending(e => e.Start))
        {
            text = text[..start] + replacement + text[end..];
        }

        return text;
    }

    private static YamlMappingNode Load(string text)
    {
        var stream = new YamlStream();
        try
        {
            stream.Load(new StringReader(text));
        }
        catch (YamlException e)
        {
            throw new FormatException($"not valid YAML at line {e.Start.Line}, column {e.Start.Column}: {e.Message.Split('\n')[0].Trim()}", e);
        }

        return stream.Documents is [{ RootNode: YamlMappingNode root }]
            ? root
            : throw new FormatException("not a kustomization: expected one YAML document whose top level is a mapping (resources:, images:…).");
    }

    private static YamlMappingNode FindEntry(YamlMappingNode root, string image)
    {
        if (!root.Children.TryGetValue(new YamlScalarNode("images"), out var node) || node is not YamlSequenceNode images)
        {
            throw new FormatException($"no images: list; add one with an entry `- name: {image}` (what `kustomize edit set image` writes).");
        }

        var entries = images.Children.OfType<YamlMappingNode>()
            .Where(e => e.Children.TryGetValue(new YamlScalarNode("name"), out var name) && name is YamlScalarNode { Value: var value } && value == image)
            .ToList();
        var names = images.Children.OfType<YamlMappingNode>()
            .Select(e => e.Children.TryGetValue(new YamlScalarNode("name"), out var name) ? (name as YamlScalarNode)?.Value : null)
            .Where(n => n is not null);
        return entries switch
        {
            [] => throw new FormatException($"no images entry named '{image}' (entries: {string.Join(", ", names.DefaultIfEmpty("none"))}); add `- name: {image}` under images:."),
            [_, _, ..] => throw new FormatException($"the images entry '{image}' appears {entries.Count} times; keep one."),
            [{ Style: MappingStyle.Flow } flow] => throw new FormatException(
                $"the images entry '{image}' (line {flow.Start.Line}) is a flow mapping ({{…}}); write it as an indented block to have it edited."),
            [var entry] => entry,
        };
    }

    /// <summary>New lines right after the entry's last line, indented as its keys, in the file's line endings.</summary>
    private static (int Start, int End, string Text) AddedLines(string text, YamlMappingNode entry, List<string> lines)
    {
        var firstKey = (int)entry.Children.First().Key.Start.Index;
        var indent = firstKey - (text.LastIndexOf('\n', Math.Max(firstKey - 1, 0)) + 1);
        var newline = text.Contains("\r\n", StringComparison.Ordinal) ? "\r\n" : "\n";
        var lastEnd = (int)entry.Children.Last().Value.End.Index;
        var lineEnd = text.IndexOf('\n', Math.Max(lastEnd - 1, 0));
        var added = string.Concat(lines.Select(l => new string(' ', indent) + l + newline));
        return lineEnd < 0
            ? (text.Length, text.Length, newline + added.TrimEnd('\r', '\n'))
            : (lineEnd + 1, lineEnd + 1, added);
    }
}
