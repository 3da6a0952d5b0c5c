namespace Pipeline.Components.Coverage;

/// <summary>Lines that could run, and how many of them did, for one package (an assembly, a Go package).</summary>
internal sealed record PackageCoverage(string Name, int CoveredLines, int ValidLines)
{
    /// <summary>The share of lines covered; a package without lines counts as fully covered.</summary>
    public Percentage LineRate => ValidLines == 0 ? new Percentage(100) : Percentage.Of(CoveredLines, ValidLines);
}
