namespace Pipeline.Components.Coverage;

/// <summary>One source file's line hits, for <see cref="CoberturaReport.Write"/>.</summary>
/// <param name="Path">Relative to the report's source directory, with '/'.</param>
internal sealed record CoveredFile(string Package, string Path, IReadOnlyDictionary<int, long> Hits);
