using System.Text;
using System.Text.RegularExpressions;

namespace Pipeline.Delivery;

/// <summary>
/// Sets one scalar in a YAML file (a Helm values file) by rewriting only the characters of its
/// value: comments, key order, indentation, quoting style and line endings stay as they were,
/// which a load-and-dump through a YAML library would not keep. It reads just enough YAML to find
/// the key path (<c>image.tag</c>, <c>services.api.image.tag</c>): block mappings by indentation,
/// list items (not addressable), block scalars (skipped) and document markers.
/// </summary>
internal static partial class YamlScalarEditor
{
    /// <summary>Sets the scalar at <paramref name="keyPath"/> (dot-separated keys) to <paramref name="value"/>.</summary>
    /// <exception cref="FormatException">The key is missing, appears twice, or is not a plain scalar on one line.</exception>
    public static YamlScalarEdit Set(string text, string keyPath, string value)
    {
        ArgumentNullException.ThrowIfNull(text);
        ArgumentException.ThrowIfNullOrWhiteSpace(keyPath);
        ArgumentNullException.ThrowIfNull(value);
        var target = keyPath.Split('.');
        var lines = LineBreak().Split(text);
        var path = new List<(int Indent, string Key)>();
        int? blockScalarIndent = null;
        (int Index, int ValueStart)? found = null;

        for (var i = 0; i < lines.Length; i++)
        {
            var content = lines[i].TrimEnd('\r', '\n');
            var trimmed = content.TrimStart(' ');
            var indent = content.Length - trimmed.Length;
            if (trimmed.Length == 0 || trimmed.StartsWith('#'))
            {
                continue;
            }

            if (blockScalarIndent is { } block && indent > block)
            {
                continue; // a line of a `|` or `>` scalar: text, not keys
            }

            blockScalarIndent = null;
            if (indent == 0 && (trimmed.StartsWith("---", StringComparison.Ordinal) || trimmed.StartsWith("...", StringComparison.Ordinal)))
            {
                path.Clear();
                continue;
            }

            path.RemoveAll(p => p.Indent >= indent);
            var keyIndent = indent;
            while (trimmed.StartsWith("- ", StringComparison.Ordinal) || trimmed == "-")
            {
                // A list item: its keys sit deeper and are reached through "-", which no key path names.
                path.Add((keyIndent, "-"));
                var afterDash = trimmed.Length > 1 ? trimmed[2..] : "";
                keyIndent += trimmed.Length - afterDash.TrimStart(' ').Length;
                trimmed = afterDash.TrimStart(' ');
            }

            var match = KeyLine().Match(trimmed);
            if (!match.Success)
            {
                continue;
            }

            var key = Unquote(match.Groups["key"].Value.TrimEnd());
            var rest = match.Groups["rest"];
            var restText = rest.Success ? rest.Value : "";
            if (restText.Length == 0 || restText.StartsWith('#'))
            {
                if (path.Count + 1 == target.Length && path.Select(p => p.Key).Append(key).SequenceEqual(target, StringComparer.Ordinal))
                {
                    throw new FormatException($"'{keyPath}' on line {i + 1} is not a one-line scalar: a mapping or list follows it.");
                }

                path.Add((keyIndent, key)); // a mapping (or list) follows on the next lines
                continue;
            }

            if (restText[0] is '|' or '>')
            {
                blockScalarIndent = keyIndent;
            }

            var keys = path.Select(p => p.Key).Append(key).ToList();
            if (keys.SequenceEqual(target, StringComparer.Ordinal))
            {
                if (found is not null)
                {
                    throw new FormatException($"'{keyPath}' appears twice (lines {found.Value.Index + 1} and {i + 1}); set which one is meant by its full path.");
                }

                if (restText[0] is '|' or '>' or '{' or '[' or '&' or '*' or '!')
                {
                    throw new FormatException($"'{keyPath}' on line {i + 1} is not a one-line scalar ({restText.Trim()}); write it as `{key}: value`.");
                }

                found = (i, content.Length - trimmed.Length + rest.Index);
            }
            else if (restText[0] == '{' && target.Take(keys.Count).SequenceEqual(keys, StringComparer.Ordinal))
            {
                throw new FormatException($"'{string.Join('.', keys)}' on line {i + 1} is a flow mapping ({{…}}); write it as an indented block to edit '{keyPath}'.");
            }
        }

        if (found is not { } at)
        {
            throw new FormatException($"No key '{keyPath}' in the file: expected it as an indented block mapping (e.g. `{target[^1]}:` under `{string.Join('.', target[..^1])}`).");
        }

        var line = lines[at.Index];
        var (oldValue, valueEnd) = ReadScalar(line, at.ValueStart);
        if (oldValue == value)
        {
            return new YamlScalarEdit(text, oldValue, at.Index + 1, Changed: false);
        }

        lines[at.Index] = line[..at.ValueStart] + Format(value, line[at.ValueStart]) + line[valueEnd..];
        return new YamlScalarEdit(string.Concat(lines), oldValue, at.Index + 1, Changed: true);
    }

    /// <summary>The scalar starting at <paramref name="start"/>, unquoted, and where it ends (before any comment).</summary>
    private static (string Value, int End) ReadScalar(string line, int start)
    {
        var quote = line[start];
        if (quote is '"' or '\'')
        {
            var builder = new StringBuilder();
            for (var i = start + 1; i < line.Length; i++)
            {
                if (quote == '\'' && line[i] == '\'' && i + 1 < line.Length && line[i + 1] == '\'')
                {
                    builder.Append('\'');
                    i++;
                }
                else if (quote == '"' && line[i] == '\\' && i + 1 < line.Length)
                {
                    builder.Append(line[++i]);
                }
                else if (line[i] == quote)
                {
                    return (builder.ToString(), i + 1);
                }
                else
                {
                    builder.Append(line[i]);
                }
            }

            throw new FormatException($"Unterminated {quote}-quoted value: {line.Trim()}");
        }

        var end = line.Length;
        var comment = line.IndexOf(" #", start, StringComparison.Ordinal);
        if (comment >= 0)
        {
            end = comment;
        }

        while (end > start && char.IsWhiteSpace(line[end - 1]))
        {
            end--;
        }

        return (line[start..end], end);
    }

    /// <summary>Keeps the old quoting; quotes a plain value YAML would read as something else (a number, a boolean).</summary>
    internal static string Format(string value, char oldFirst) => oldFirst switch
    {
        '\'' => "'" + value.Replace("'", "''", StringComparison.Ordinal) + "'",
        '"' => DoubleQuoted(value),
        _ when NeedsQuotes(value) => DoubleQuoted(value),
        _ => value,
    };

    private static string DoubleQuoted(string value) =>
        "\"" + value.Replace("\\", "\\\\", StringComparison.Ordinal).Replace("\"", "\\\"", StringComparison.Ordinal) + "\"";

    private static bool NeedsQuotes(string value) =>
        value.Length == 0 || NotAString().IsMatch(value) || value.Contains(": ", StringComparison.Ordinal)
        || value.Contains(" #", StringComparison.Ordinal) || "-?:,[]{}#&*!|>'\"%@`".Contains(value[0], StringComparison.Ordinal)
        || char.IsWhiteSpace(value[0]) || char.IsWhiteSpace(value[^1]);

    private static string Unquote(string key) =>
        key.Length >= 2 && key[0] is '"' or '\'' && key[^1] == key[0] ? key[1..^1] : key;

    [GeneratedRegex(@"(?<=\n)")]
    private static partial Regex LineBreak();

    /// <summary><c>key:</c> then the value (or nothing): the colon must be followed by a space or the end.</summary>
    [GeneratedRegex("""^(?<key>"[^"]*"|'[^']*'|[^\s#'"][^#]*?)\s*:(?:[ \t]+(?<rest>.*)|$)""")]
    private static partial Regex KeyLine();

    /// <summary>Plain scalars YAML 1.1/1.2 read as numbers, booleans or null (1234567, 1.20, 1e5, 0x1F, yes, ~).</summary>
    [GeneratedRegex(@"^([-+]?(\d[\d_]*(\.\d*)?|\.\d+)([eE][-+]?\d+)?|0x[0-9a-fA-F]+|0o[0-7]+|[-+]?\.(inf|Inf|INF)|\.(nan|NaN|NAN)|true|True|TRUE|false|False|FALSE|yes|Yes|YES|no|No|NO|on|On|ON|off|Off|OFF|y|Y|n|N|null|Null|NULL|~)$")]
    private static partial Regex NotAString();
}
