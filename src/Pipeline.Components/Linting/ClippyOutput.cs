using System.Globalization;
using System.Text.RegularExpressions;
using Pipeline.Components.Tools;

namespace Pipeline.Components.Linting;

/// <summary>Reads <c>cargo clippy --message-format=short</c>: <c>src/lib.rs:2:5: error[E0425]: message</c>.</summary>
internal static partial class ClippyOutput
{
    public static IReadOnlyList<LintFinding> Parse(IEnumerable<string> lines, AbsolutePath workingDirectory, AbsolutePath root) =>
        [.. lines.Select(line => Finding().Match(line)).Where(m => m.Success).Select(m => new LintFinding(
            ReportedPath.RelativeToRoot(m.Groups["file"].Value, workingDirectory, root),
            int.Parse(m.Groups["line"].Value, CultureInfo.InvariantCulture),
            int.Parse(m.Groups["column"].Value, CultureInfo.InvariantCulture),
            m.Groups["severity"].Value == "error" ? LogLevel.Error : LogLevel.Warning,
            m.Groups["message"].Value.Trim(),
            m.Groups["code"].Success ? m.Groups["code"].Value : null))];

    // Lines without a location ("error: could not compile `x`") are cargo's summary, not findings.
    [GeneratedRegex(@"^(?<file>[^\s:][^:]*\.rs):(?<line>\d+):(?<column>\d+):\s*(?<severity>error|warning)(?:\[(?<code>[^\]]+)\])?:\s*(?<message>.+)$")]
    private static partial Regex Finding();
}
