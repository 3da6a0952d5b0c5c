using System.Globalization;

namespace Pipeline.Components.Coverage;

/// <summary>
/// Reads an LCOV trace (<c>llvm-cov export -format=lcov</c>): a <c>SF:</c> line per source file, a
/// <c>DA:line,count</c> per line with code, <c>end_of_record</c>. Each file goes to the workspace package
/// whose folder holds it; files of no package (a dependency outside the workspace) are left out.
/// </summary>
internal static class LcovTrace
{
    public static IReadOnlyList<CoveredFile> Parse(IEnumerable<string> lines, CargoWorkspace workspace)
    {
        var files = new Dictionary<string, (CratePackage Package, SortedDictionary<int, long> Hits)>(StringComparer.Ordinal);
        SortedDictionary<int, long>? current = null;
        foreach (var line in lines)
        {
            if (line.StartsWith("SF:", StringComparison.Ordinal))
            {
                var file = AbsolutePath.Resolve(line[3..].Trim(), workspace.Root);
                current = null;
                if (workspace.Owner(file) is { } package)
                {
                    var relative = file.RelativeTo(workspace.Root).Replace('\\', '/');
                    current = files.TryGetValue(relative, out var known) ? known.Hits : (files[relative] = (package, new SortedDictionary<int, long>())).Hits;
                }
            }
            else if (current is not null && line.StartsWith("DA:", StringComparison.Ordinal) && Hit(line[3..]) is var (number, count))
            {
                current[number] = current.GetValueOrDefault(number) + count; // a file listed twice: counts add up
            }
            else if (line == "end_of_record")
            {
                current = null;
            }
        }

        return [.. files
            .Select(f => new CoveredFile(f.Value.Package.Name, f.Key, f.Value.Hits))
            .OrderBy(f => f.Path, StringComparer.Ordinal)];
    }

    // "12,3" or, with a checksum, "12,3,abc".
    private static (int Number, long Count)? Hit(string fields)
    {
        var parts = fields.Split(',');
        return parts.Length >= 2 &&
            int.TryParse(parts[0], NumberStyles.None, CultureInfo.InvariantCulture, out var number) &&
            long.TryParse(parts[1], NumberStyles.None, CultureInfo.InvariantCulture, out var count)
            ? (number, count)
            : null;
    }
}
