namespace Pipeline;

// The declarations that a local run and a generated workflow both read (see TargetDefinition.Declarations).
public sealed partial class TargetSpec
{
    private readonly List<IParameter> _reads = [];
    private readonly List<Artifact> _produces = [];
    private readonly List<Artifact> _consumes = [];
    private readonly List<ServiceContainer> _serviceContainers = [];
    private readonly List<Pipeline.Toolchain> _toolchains = [];
    private Condition? _when;
    private bool _warningOnly;
    private readonly List<IOutput> _outputsProduced = [];
    private readonly List<IOutput> _outputsConsumed = [];
    private TargetMatrix? _matrix;
    private TargetInputs? _inputs;
    private readonly List<string> _outputFiles = [];
    private readonly List<Func<MatrixCell?, IEnumerable<string>>> _cellOutputFiles = [];
    private bool _publishes;
    private bool _reportsOnRun;
    private readonly List<CiStep> _ciSteps = [];
    private readonly List<string> _claims = [];

    /// <summary>
    /// Runs only when <paramref name="condition"/> holds; several calls must all hold. The same value
    /// becomes the job's <c>if:</c> in a generated workflow.
    /// </summary>
    public TargetSpec OnlyWhen(Condition condition) => Set(() => _when = _when is null ? condition : _when & condition);

    /// <summary>A failure is reported as a warning, and neither fails the run nor skips dependents (CI: <c>continue-on-error</c>).</summary>
    public TargetSpec WarningOnly() => Set(() => _warningOnly = true);

    /// <summary>Reads this parameter or secret when it has a value, without requiring it. In CI it reaches the job as a variable.</summary>
    public TargetSpec Reads(IParameter parameter) => Set(() => _reads.Add(parameter));

    /// <summary>
    /// Needs this container running beside it (CI: the job's <c>services:</c>; locally started by the
    /// pipeline's <see cref="IServiceContainerHost"/>). The target gets the variables the service
    /// exposes, and requires the secrets it reads.
    /// </summary>
    public TargetSpec Service(ServiceContainer service) => Set(() =>
    {
        ArgumentNullException.ThrowIfNull(service);
        _serviceContainers.Add(service);
        foreach (var secret in service.Secrets)
        {
            Requires(secret);
        }
    });

    /// <summary>Runs this toolchain (CI: set up, and its package folders cached); its tool is required before any target starts.</summary>
    public TargetSpec Toolchain(Toolchain toolchain) => Set(() =>
    {
        _toolchains.Add(toolchain);
        if (toolchain.Tool is { } tool)
        {
            Requires(tool);
        }
    });

    /// <summary>Writes these files; a job consuming them downloads them (CI: uploaded by this target's job).</summary>
    public TargetSpec Produces(Artifact artifact) => Set(() => _produces.Add(artifact));

    /// <summary>Reads files another target produces (which must run before it: a dependency, direct or not).</summary>
    public TargetSpec Consumes(Artifact artifact) => Set(() => _consumes.Add(artifact));

    /// <summary>Runs once per value of <paramref name="axis"/>, side by side (CI: <c>strategy.matrix</c>).</summary>
    public TargetSpec Matrix(MatrixAxis axis, int? maxParallel = null, bool failFast = true) =>
        Matrix([axis], maxParallel, failFast);

    /// <summary>Runs once per combination of the axes' values.</summary>
    public TargetSpec Matrix(IReadOnlyList<MatrixAxis> axes, int? maxParallel = null, bool failFast = true) =>
        Set(() => _matrix = new TargetMatrix(axes, maxParallel, failFast));

    /// <summary>A matrix with include and exclude entries, a runner per cell, fail-fast and max-parallel (see <see cref="MatrixSpec"/>).</summary>
    public TargetSpec Matrix(Action<MatrixSpec> configure)
    {
        ArgumentNullException.ThrowIfNull(configure);
        var spec = new MatrixSpec();
        configure(spec);
        return Set(() => _matrix = spec.ToMatrix());
    }

    /// <summary>
    /// Runs once per item of the list output <paramref name="axis"/> comes from, which it consumes
    /// (CI: <c>fromJSON(needs.&lt;job&gt;.outputs.&lt;id&gt;)</c>); skipped, with the reason, when the list is empty.
    /// </summary>
    public TargetSpec Matrix<T>(MatrixAxis<T> axis, int? maxParallel = null, bool failFast = true)
    {
        ArgumentNullException.ThrowIfNull(axis);
        return Set(() =>
        {
            _matrix = new TargetMatrix([], maxParallel, failFast) { Source = new MatrixSource(axis.Name, axis.Source) };
            _outputsConsumed.Add(axis.Source);
        });
    }

    /// <summary>
    /// Sets this output in <c>RunAsync</c> (<c>context.Set(output, value)</c>); not setting it fails
    /// the target. In CI its job declares it among its <c>outputs:</c>.
    /// </summary>
    public TargetSpec Produces(IOutput output)
    {
        ArgumentNullException.ThrowIfNull(output);
        return Set(() => _outputsProduced.Add(output));
    }

    /// <summary>
    /// Reads this output (<c>context.Get(output)</c>), which a target it depends on produces (directly
    /// or not). In CI it arrives from the producing job through <c>needs.&lt;job&gt;.outputs</c>.
    /// </summary>
    public TargetSpec Consumes(IOutput output)
    {
        ArgumentNullException.ThrowIfNull(output);
        return Set(() => _outputsConsumed.Add(output));
    }

    /// <summary>
    /// What its result depends on (files, parameters, variables, tool versions, upstream outputs): with
    /// inputs declared, it runs only when one changed since its last success, or its output files are gone.
    /// </summary>
    public TargetSpec Inputs(Action<TargetInputs> declare)
    {
        ArgumentNullException.ThrowIfNull(declare);
        return Set(() =>
        {
            _inputs ??= new TargetInputs();
            declare(_inputs);
            _outputsConsumed.AddRange(_inputs.UpstreamOutputs);
        });
    }

    /// <summary>Files or folders (relative to the root) it writes: kept in the local cache and restored when it is up to date.</summary>
    public TargetSpec OutputFiles(params IEnumerable<string> paths) => Set(() => _outputFiles.AddRange(paths));

    /// <summary>Files or folders a matrix target's cell writes (its own results folder, say): each cell keeps and restores its own.</summary>
    public TargetSpec OutputFiles(Func<MatrixCell?, IEnumerable<string>> pathsOfCell)
    {
        ArgumentNullException.ThrowIfNull(pathsOfCell);
        return Set(() => _cellOutputFiles.Add(pathsOfCell));
    }

    /// <summary>
    /// It pushes or publishes beyond the run (a registry, a package feed, an environment): a generated
    /// workflow that runs it restores no cache, so nothing a pull request could have cached reaches a release.
    /// </summary>
    public TargetSpec Publishes() => Set(() => _publishes = true);

    /// <summary>
    /// It tells about the whole run (a notification, a quality report) from <see cref="TargetContext.RunSoFar"/>.
    /// Locally that is every target finished before it; a generated workflow makes its job wait for
    /// every job that is not waiting for it and hands it how each ended, so it tells the same there.
    /// </summary>
    public TargetSpec ReportsOnRun() => Set(() => _reportsOnRun = true);

    /// <summary>
    /// A step its CI job runs besides <c>./build.sh</c> (a tool's set-up action, an upload to a CI
    /// service), with the token permissions it needs granted to that job; a local run does not run it.
    /// </summary>
    public TargetSpec CiStep(CiStep step)
    {
        ArgumentNullException.ThrowIfNull(step);
        return Set(() => _ciSteps.Add(step));
    }

    /// <summary>
    /// Something only this target makes in the pipeline, in words (<c>the container image 'api'</c>):
    /// a second target claiming the same stops the pipeline before anything runs, naming both.
    /// </summary>
    public TargetSpec Claims(string what)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(what);
        return Set(() => _claims.Add(what));
    }

    private TargetDefinition WithDeclarations(TargetDefinition definition)
    {
        _matrix?.Validate(definition.Name);
        if (_matrix is not null && _outputsProduced.Count > 0)
        {
            throw new DefinitionException(
                $"{definition.Name} is a matrix target and produces the output {_outputsProduced[0].Name}: each cell would set its one value. " +
                "Produce it from a target without a matrix.");
        }

        var sameService = _serviceContainers.GroupBy(s => s.Name).FirstOrDefault(g => g.Distinct().Count() > 1);
        if (sameService is not null)
        {
            throw new DefinitionException($"{definition.Name} uses two different service containers named '{sameService.Key}'.");
        }

        return definition with
        {
            When = _when,
            WarningOnly = _warningOnly,
            Reads = [.. _reads.Distinct()],
            Produces = [.. _produces.Distinct()],
            Consumes = [.. _consumes.Distinct()],
            Matrix = _matrix,
            OutputsProduced = [.. _outputsProduced.Distinct()],
            OutputsConsumed = [.. _outputsConsumed.Distinct()],
            ServiceContainers = [.. _serviceContainers.Distinct()],
            Toolchains = [.. _toolchains.Distinct()],
            Inputs = _inputs,
            OutputFiles = [.. _outputFiles.Distinct()],
            CellOutputFiles = [.. _cellOutputFiles],
            Publishes = _publishes,
            ReportsOnRun = _reportsOnRun,
            CiSteps = [.. _ciSteps.Distinct()],
            Claims = [.. _claims.Distinct(StringComparer.Ordinal)],
        };
    }
}
