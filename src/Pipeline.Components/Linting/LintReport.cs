namespace Pipeline.Components.Linting;

/// <summary>What one linter found, duplicates removed (MSBuild, for one, repeats every error in its summary).</summary>
public sealed record LintReport(string Linter, IReadOnlyList<LintFinding> Findings)
{
    public IEnumerable<LintFinding> Errors => Findings.Where(f => f.Severity == LogLevel.Error);

    public bool HasErrors => Errors.Any();

    /// <summary>A report of <paramref name="findings"/> in file and line order, each once.</summary>
    public static LintReport Of(string linter, IEnumerable<LintFinding> findings) => new(
        linter,
        [.. findings.Distinct().OrderBy(f => f.File, StringComparer.Ordinal).ThenBy(f => f.Line).ThenBy(f => f.Column)]);
}
