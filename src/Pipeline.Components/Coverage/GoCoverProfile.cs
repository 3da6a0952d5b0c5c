using System.Globalization;
using System.Text.RegularExpressions;

namespace Pipeline.Components.Coverage;

/// <summary>
/// Turns a Go cover profile (<c>go test -coverprofile</c>) into line hits per file. Go measures
/// blocks of statements; a line counts as covered when a block that ran spans it. Lines that hold
/// only a block's opening or closing brace are left out, as they hold no statement.
/// </summary>
internal static partial class GoCoverProfile
{
    /// <param name="profileLines">The profile: a <c>mode:</c> line, then <c>file:l.c,l.c statements count</c>.</param>
    /// <param name="modulePath">The module's path from go.mod: file names are made relative to the module.</param>
    /// <param name="readSource">Reads a file (relative to the module) to find brace-only lines; null when it cannot.</param>
    public static IReadOnlyList<CoveredFile> Parse(IEnumerable<string> profileLines, string modulePath, Func<string, string[]?> readSource)
    {
        // With -coverpkg, every test binary reports every block: the same block comes once per package tested.
        var blocks = new Dictionary<(string File, int StartLine, int StartColumn, int EndLine, int EndColumn), long>();
        foreach (var line in profileLines)
        {
            if (Block().Match(line) is not { Success: true } m)
            {
                continue;
            }

            var key = (m.Groups["file"].Value, Int(m, "sl"), Int(m, "sc"), Int(m, "el"), Int(m, "ec"));
            blocks[key] = blocks.GetValueOrDefault(key) + long.Parse(m.Groups["count"].Value, CultureInfo.InvariantCulture);
        }

        return [.. blocks
            .GroupBy(b => b.Key.File, StringComparer.Ordinal)
            .Select(file =>
            {
                var relative = Relative(file.Key, modulePath);
                var source = readSource(relative);
                var hits = new SortedDictionary<int, long>();
                foreach (var (block, count) in file)
                {
                    for (var number = block.StartLine; number <= block.EndLine; number++)
                    {
                        if (source is not null && IsBraceOnly(source, block, number))
                        {
                            continue;
                        }

                        hits[number] = Math.Max(hits.GetValueOrDefault(number), count);
                    }
                }

                var folder = relative.Contains('/', StringComparison.Ordinal) ? relative[..relative.LastIndexOf('/')] : "";
                var package = folder.Length == 0 ? modulePath : $"{modulePath}/{folder}";
                return new CoveredFile(package, relative, hits);
            })
            .OrderBy(f => f.Path, StringComparer.Ordinal)];
    }

    /// <summary>The <c>module</c> line of a go.mod.</summary>
    public static string ModulePathOf(IEnumerable<string> goModLines) =>
        goModLines.Select(l => l.Trim()).FirstOrDefault(l => l.StartsWith("module ", StringComparison.Ordinal))?["module ".Length..].Trim().Trim('"')
        ?? throw new TargetFailedException("go.mod has no module line.");

    private static string Relative(string importPath, string modulePath) =>
        importPath.StartsWith(modulePath + "/", StringComparison.Ordinal) ? importPath[(modulePath.Length + 1)..] : importPath;

    // A block starts at its '{' (the rest of that line is empty) and ends just after its '}'.
    private static bool IsBraceOnly(string[] source, (string File, int StartLine, int StartColumn, int EndLine, int EndColumn) block, int number)
    {
        if (number < 1 || number > source.Length)
        {
            return false;
        }

        var text = source[number - 1];
        if (number == block.StartLine && block.StartLine != block.EndLine)
        {
            var rest = block.StartColumn - 1 < text.Length ? text[(block.StartColumn - 1)..].Trim() : "";
            return rest is "{" or "";
        }

        if (number == block.EndLine && block.StartLine != block.EndLine)
        {
            var before = text[..Math.Min(text.Length, Math.Max(0, block.EndColumn - 1))].Trim();
            return before is "}" or "";
        }

        return false;
    }

    private static int Int(Match match, string group) => int.Parse(match.Groups[group].Value, CultureInfo.InvariantCulture);

    [GeneratedRegex(@"^(?<file>.+):(?<sl>\d+)\.(?<sc>\d+),(?<el>\d+)\.(?<ec>\d+) (?<statements>\d+) (?<count>\d+)$")]
    private static partial Regex Block();
}
