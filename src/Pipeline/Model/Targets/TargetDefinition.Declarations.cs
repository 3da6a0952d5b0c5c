namespace Pipeline;

// What a target declares beyond its relations: when it runs, what it reads and makes, what it needs
// around it. Local runs honour these; the workflow generator renders them.
public sealed partial record TargetDefinition
{
    /// <summary>A typed condition (see <see cref="Condition"/>); null when the target always runs.</summary>
    public Condition? When { get; init; }

    /// <summary>A failure is reported as a warning: the run does not fail and dependents still run.</summary>
    public bool WarningOnly { get; init; }

    /// <summary>Parameters and secrets it reads when given, without requiring them.</summary>
    public IReadOnlyList<IParameter> Reads { get; init; } = [];

    /// <summary><see cref="TargetDefinition.Requires"/> and <see cref="Reads"/>: every parameter it reads, required or not.</summary>
    public IEnumerable<IParameter> Parameters => Requires.Concat(Reads).Distinct();

    public IReadOnlyList<Artifact> Produces { get; init; } = [];

    public IReadOnlyList<Artifact> Consumes { get; init; } = [];

    public TargetMatrix? Matrix { get; init; }

    /// <summary>The outputs it sets; it fails when it succeeds without setting one.</summary>
    public IReadOnlyList<IOutput> OutputsProduced { get; init; } = [];

    /// <summary>The outputs it reads, which targets it depends on produce (a matrix from an output reads that output).</summary>
    public IReadOnlyList<IOutput> OutputsConsumed { get; init; } = [];

    public IReadOnlyList<ServiceContainer> ServiceContainers { get; init; } = [];

    public IReadOnlyList<Toolchain> Toolchains { get; init; } = [];

    /// <summary>Programs it runs, checked on <c>PATH</c> before any target starts.</summary>
    public IReadOnlyList<RequiredTool> Tools { get; init; } = [];

    /// <summary>What its fingerprint is made of; null when it declares none, and then it always runs.</summary>
    public TargetInputs? Inputs { get; init; }

    /// <summary>The files and folders it writes, relative to the root (see <see cref="TargetSpec.OutputFiles(IEnumerable{string})"/>).</summary>
    public IReadOnlyList<string> OutputFiles { get; init; } = [];

    /// <summary>The files and folders each matrix cell writes besides <see cref="OutputFiles"/>.</summary>
    internal IReadOnlyList<Func<MatrixCell?, IEnumerable<string>>> CellOutputFiles { get; init; } = [];

    /// <summary>What one run (a cell, or the whole target when <paramref name="cell"/> is null) writes.</summary>
    internal IReadOnlyList<string> OutputFilesOf(MatrixCell? cell) =>
        CellOutputFiles.Count == 0 ? OutputFiles : [.. OutputFiles.Concat(CellOutputFiles.SelectMany(paths => paths(cell))).Distinct()];
    /// <summary>It pushes or publishes beyond the run (see <see cref="TargetSpec.Publishes"/>).</summary>
    public bool Publishes { get; init; }

    /// <summary>It tells about the whole run (see <see cref="TargetSpec.ReportsOnRun"/>).</summary>
    public bool ReportsOnRun { get; init; }

    /// <summary>Steps its CI job runs besides <c>./build.sh</c> (see <see cref="TargetSpec.CiStep"/>).</summary>
    public IReadOnlyList<CiStep> CiSteps { get; init; } = [];

    /// <summary>What only it makes in the pipeline (see <see cref="TargetSpec.Claims"/>).</summary>
    public IReadOnlyList<string> Claims { get; init; } = [];
}
