namespace Pipeline.Components.Coverage;

/// <summary>Line coverage of a whole report: the total and each package.</summary>
internal sealed record LineCoverage(IReadOnlyList<PackageCoverage> Packages)
{
    /// <summary>Lines that ran, over every package.</summary>
    public int CoveredLines => Packages.Sum(p => p.CoveredLines);

    /// <summary>Lines that could run, over every package.</summary>
    public int ValidLines => Packages.Sum(p => p.ValidLines);

    /// <summary>The total; throws when no line could be covered at all (nothing was measured).</summary>
    public Percentage LineRate => Percentage.Of(CoveredLines, ValidLines);
}
