namespace Pipeline.Components.Coverage;

/// <summary>Lines that could run, and how many of them did, for one package (an assembly, a Go package).</summary>
public sealed record PackageCoverage(string Name, int CoveredLines, int ValidLines)
{
    public Percentage LineRate => ValidLines == 0 ? new Percentage(100) : Percentage.Of(CoveredLines, ValidLines);
}

/// <summary>Line coverage of a whole report: the total and each package.</summary>
public sealed record LineCoverage(IReadOnlyList<PackageCoverage> Packages)
{
    public int CoveredLines => Packages.Sum(p => p.CoveredLines);

    public int ValidLines => Packages.Sum(p => p.ValidLines);

    /// <summary>The total; throws when no line could be covered at all (nothing was measured).</summary>
    public Percentage LineRate => Percentage.Of(CoveredLines, ValidLines);
}
