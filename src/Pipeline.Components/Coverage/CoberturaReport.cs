using System.Globalization;
using System.Xml;
using System.Xml.Linq;

namespace Pipeline.Components.Coverage;

/// <summary>
/// Reads and writes the Cobertura XML format: what coverlet writes, what ReportGenerator merges,
/// and what Go's profiles are turned into, so every language ends in one format.
/// </summary>
internal static class CoberturaReport
{
    /// <summary>
    /// Line coverage per package, counted from the <c>line</c> elements (not the rate attributes, which
    /// tools compute differently). A line listed twice in a package counts once, covered if any entry ran.
    /// </summary>
    public static LineCoverage Read(string file)
    {
        // ReportGenerator's output names the Cobertura DTD by URL: never fetch it.
        using var reader = XmlReader.Create(file, new XmlReaderSettings { DtdProcessing = DtdProcessing.Ignore, XmlResolver = null });
        var document = XDocument.Load(reader);
        var packages = document.Descendants("package")
            .Select(package =>
            {
                var lines = package.Descendants("class")
                    .SelectMany(c => c.Descendants("line").Select(line => (
                        File: (string?)c.Attribute("filename") ?? (string?)c.Attribute("name") ?? "",
                        Number: (int?)line.Attribute("number") ?? 0,
                        Hit: ((long?)line.Attribute("hits") ?? 0) > 0)))
                    .GroupBy(l => (l.File, l.Number))
                    .Select(g => g.Any(l => l.Hit))
                    .ToList();
                return new PackageCoverage((string?)package.Attribute("name") ?? "", lines.Count(hit => hit), lines.Count);
            })
            .GroupBy(p => p.Name, StringComparer.Ordinal)
            .Select(g => new PackageCoverage(g.Key, g.Sum(p => p.CoveredLines), g.Sum(p => p.ValidLines)))
            .OrderBy(p => p.Name, StringComparer.Ordinal)
            .ToList();
        return new LineCoverage(packages);
    }

    /// <summary>Writes line hits as Cobertura: one package per folder of <paramref name="files"/>, one class per file.</summary>
    /// <param name="sourceDirectory">Where the relative file names are found (the report shows their source).</param>
    /// <param name="files">Per file (relative to the source directory), its package and each line's hits.</param>
    /// <param name="timestamp">When the coverage was measured (the run's clock: <see cref="TargetContext.Clock"/>).</param>
    public static void Write(string path, string sourceDirectory, IEnumerable<CoveredFile> files, DateTimeOffset timestamp)
    {
        var byPackage = files.GroupBy(f => f.Package, StringComparer.Ordinal).OrderBy(g => g.Key, StringComparer.Ordinal).ToList();
        var all = byPackage.SelectMany(g => g).ToList();
        var document = new XDocument(
            new XElement("coverage",
                Rates(all),
                new XAttribute("version", "1"),
                new XAttribute("timestamp", timestamp.ToUnixTimeSeconds()),
                new XElement("sources", new XElement("source", sourceDirectory)),
                new XElement("packages", byPackage.Select(package =>
                    new XElement("package",
                        new XAttribute("name", package.Key),
                        Rates([.. package]),
                        new XElement("classes", package.OrderBy(f => f.Path, StringComparer.Ordinal).Select(file =>
                            new XElement("class",
                                new XAttribute("name", file.Path),
                                new XAttribute("filename", file.Path),
                                Rates([file]),
                                new XElement("methods"),
                                new XElement("lines", file.Hits.OrderBy(h => h.Key).Select(hit =>
                                    new XElement("line",
                                        new XAttribute("number", hit.Key),
                                        new XAttribute("hits", hit.Value),
                                        new XAttribute("branch", "false"))))))))))));
        Directory.CreateDirectory(Path.GetDirectoryName(Path.GetFullPath(path))!);
        document.Save(path);
    }

    private static object[] Rates(IReadOnlyList<CoveredFile> files)
    {
        var valid = files.Sum(f => f.Hits.Count);
        var covered = files.Sum(f => f.Hits.Count(h => h.Value > 0));
        var rate = valid == 0 ? 1.0 : (double)covered / valid;
        return
        [
            new XAttribute("line-rate", rate.ToString("0.####", CultureInfo.InvariantCulture)),
            new XAttribute("branch-rate", "0"),
            new XAttribute("lines-covered", covered),
            new XAttribute("lines-valid", valid),
            new XAttribute("branches-covered", 0),
            new XAttribute("branches-valid", 0),
            new XAttribute("complexity", 0),
        ];
    }
}
