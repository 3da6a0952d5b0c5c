using System.Globalization;
using System.Text.RegularExpressions;
using Pipeline.Components.Tools;

namespace Pipeline.Components.Linting;

/// <summary>Reads MSBuild's diagnostic lines: <c>path(line,col): error CODE: message [project]</c>.</summary>
internal static partial class MsBuildDiagnostics
{
    public static IReadOnlyList<LintFinding> Parse(IEnumerable<string> lines, AbsolutePath workingDirectory, AbsolutePath root) =>
        [.. lines.Select(line => Diagnostic().Match(line)).Where(m => m.Success).Select(m => new LintFinding(
            ReportedPath.RelativeToRoot(m.Groups["file"].Value, workingDirectory, root),
            int.Parse(m.Groups["line"].Value, CultureInfo.InvariantCulture),
            m.Groups["column"].Success ? int.Parse(m.Groups["column"].Value, CultureInfo.InvariantCulture) : null,
            m.Groups["severity"].Value == "error" ? LogLevel.Error : LogLevel.Warning,
            m.Groups["message"].Value.Trim(),
            m.Groups["code"].Value))];

    // The location may carry an end ("(3,5,3,9)"); diagnostics without a file ("CSC : error ...") have no line to point at.
    [GeneratedRegex(@"^\s*(?<file>[^\s(][^(]*?)\((?<line>\d+)(?:,(?<column>\d+))?(?:,\d+,\d+)?\)\s*:\s*(?<severity>error|warning)\s+(?<code>[A-Za-z]+\d+)\s*:\s*(?<message>.*?)(?:\s+\[[^\]]+\])?\s*$")]
    private static partial Regex Diagnostic();
}
