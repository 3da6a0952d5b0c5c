using System.Globalization;
using System.Text.RegularExpressions;
using Pipeline.Components.Tools;

namespace Pipeline.Components.Linting;

/// <summary>
/// Reads <c>go vet</c> and golangci-lint lines: <c>./file.go:line:col: message</c>, the latter ending
/// in the linter's name in parentheses, which becomes the rule.
/// </summary>
internal static partial class GoVetOutput
{
    public static IReadOnlyList<LintFinding> Parse(IEnumerable<string> lines, AbsolutePath workingDirectory, AbsolutePath root, string defaultRule = "vet") =>
        [.. lines.Select(line => Finding().Match(line)).Where(m => m.Success).Select(m => new LintFinding(
            ReportedPath.RelativeToRoot(m.Groups["file"].Value, workingDirectory, root),
            int.Parse(m.Groups["line"].Value, CultureInfo.InvariantCulture),
            m.Groups["column"].Success ? int.Parse(m.Groups["column"].Value, CultureInfo.InvariantCulture) : null,
            LogLevel.Error,
            m.Groups["message"].Value.Trim(),
            m.Groups["rule"].Success ? m.Groups["rule"].Value : defaultRule))];

    // "vet: " prefixes type-check errors; a golangci-lint line ends with "(errcheck)".
    [GeneratedRegex(@"^(?:vet: )?(?<file>[^\s:][^:]*\.go):(?<line>\d+)(?::(?<column>\d+))?:\s*(?<message>.+?)(?:\s+\((?<rule>[a-z0-9_-]+)\))?\s*$")]
    private static partial Regex Finding();
}
