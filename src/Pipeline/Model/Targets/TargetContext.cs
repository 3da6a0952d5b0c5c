namespace Pipeline;

/// <summary>How the engine runs a target's command: its process runner, writing into the target's log.</summary>
internal delegate Task<ProcessResult> RunCommand(ToolCommand command, TargetLog log, CancellationToken cancellation);

/// <summary>What a running target gets: its cancellation, log, parameter values and a process runner.</summary>
public sealed class TargetContext
{
    private readonly RunCommand _run;

    internal TargetContext(
        string targetName,
        int attempt,
        TargetLog log,
        ParameterValues parameters,
        AbsolutePath rootDirectory,
        RunCommand run,
        CancellationToken cancellation)
    {
        TargetName = targetName;
        Attempt = attempt;
        Cancellation = cancellation;
        Log = log;
        Parameters = parameters;
        RootDirectory = rootDirectory;
        _run = run;
    }

    public string TargetName { get; }

    /// <summary>
    /// The matrix cell this run is for, read through its axes (<c>context.Matrix.Get(Service)</c>):
    /// a matrix target's cell, and, in a CI job that runs one cell, that cell for every target of
    /// the job; otherwise null.
    /// </summary>
    public MatrixCell? Matrix { get; internal init; }

    /// <summary>
    /// A directory of this target's own, under <c>.nuke/temp/targets/</c>, and of each matrix cell's
    /// own: scratch and hand-off files of one leg never meet another leg's. Created before the target
    /// runs, emptied of what an earlier run left.
    /// </summary>
    public AbsolutePath TempDirectory { get; internal init; } = new(Path.GetTempPath());

    /// <summary>Its door to the run's outputs, as the target declared them.</summary>
    internal TargetOutputs? Outputs { get; init; }

    /// <summary>1 on the first run, then 2, 3… when the target declares <c>Retry</c>.</summary>
    public int Attempt { get; }

    /// <summary>Fires on Ctrl+C, SIGTERM or the target's timeout; processes started here are killed then.</summary>
    public CancellationToken Cancellation { get; }

    public TargetLog Log { get; }

    public ParameterValues Parameters { get; }

    /// <summary>The repository root: the directory that holds <c>.nuke/</c>.</summary>
    public AbsolutePath RootDirectory { get; }

    /// <summary>The run's environment variables (CI facts such as <c>GITHUB_REPOSITORY</c> or <c>GITHUB_EVENT_PATH</c>).</summary>
    public IReadOnlyDictionary<string, string> Variables { get; internal init; } = new Dictionary<string, string>();

    /// <summary>
    /// What the GitHub Actions run says about itself (event, ref, commit, repository, run id…), read
    /// once from <see cref="Variables"/>; on a laptop <see cref="GitHubRun.IsActions"/> is false and
    /// most of it is null.
    /// </summary>
    public GitHubRun GitHub { get; internal init; } = GitHubRun.None;

    /// <summary>
    /// The run's clock: read the time and measure waits with it (<c>Clock.GetUtcNow()</c>,
    /// <c>Clock.GetTimestamp()</c>, <c>Task.Delay(interval, Clock, cancellation)</c>), so a test can
    /// run the pipeline on a fake one.
    /// </summary>
    public TimeProvider Clock { get; internal init; } = TimeProvider.System;

    /// <summary>
    /// The targets of this run that have finished so far and the time since it began, read when asked:
    /// what a notification or report that runs last tells. In a CI job, the targets of this job; in a job
    /// running a target that reports on the run (<see cref="TargetSpec.ReportsOnRun"/>), also those of every job before it.
    /// </summary>
    public RunSoFar RunSoFar => RunSoFarSource?.Invoke() ?? RunSoFar.Empty;

    /// <summary>The engine's view of the run, asked each time <see cref="RunSoFar"/> is read.</summary>
    internal Func<RunSoFar>? RunSoFarSource { get; init; }

    /// <summary>
    /// Adds a section to the run's HTML report (test totals, coverage, findings, deployed addresses):
    /// shown under this target, masked and encoded. Written at the end of every run, failed or not.
    /// </summary>
    public void Report(ReportSection section) => Sections?.Add(TargetName, Matrix, section);

    /// <summary>Where <see cref="Report"/> collects; null in a context made without a run (a test's).</summary>
    internal ReportSections? Sections { get; init; }

    /// <summary>The CI run's Markdown page; appending to it does nothing locally.</summary>
    public StepSummary StepSummary { get; internal init; } = StepSummary.None;

    /// <summary>
    /// Variables every process this target runs gets (a command's own values win): the connection
    /// settings its service containers expose, such as <c>DATABASE_URL</c>. Empty without services.
    /// </summary>
    public IReadOnlyDictionary<string, string> Environment { get; internal init; } = new Dictionary<string, string>();

    public T Get<T>(Parameter<T> parameter) => Parameters.Get(parameter);

    /// <summary>
    /// The value of an output the target declared it consumes (<c>.Consumes(output)</c>): set by its
    /// producer earlier in this run, or, in a CI job, carried from the producer's job.
    /// </summary>
    public T Get<T>(Output<T> output) => OutputsOrThrow().Get(output);

    /// <summary>Sets an output the target declared it produces (<c>.Produces(output)</c>). A value that carries a secret is refused.</summary>
    public void Set<T>(Output<T> output, T value) => OutputsOrThrow().Set(output, value);

    /// <summary>Runs a process with <see cref="Environment"/>; its output goes to this target's log; a non-zero exit throws.</summary>
    public Task<ProcessResult> RunAsync(ToolCommand command) =>
        _run(WithTargetEnvironment(command).WithDefaultWorkingDirectory(RootDirectory), Log, Cancellation);

    /// <inheritdoc cref="RunAsync(ToolCommand)"/>
    public Task<ProcessResult> RunAsync(string executable, params IEnumerable<string> arguments) =>
        RunAsync(new ToolCommand(executable).AddArguments(arguments));

    /// <summary>
    /// Starts a process meant to outlive this target and the run (a local registry that later runs
    /// reuse) and returns its process id as soon as it is running; stopping it is the caller's business.
    /// It takes the same path as <see cref="RunAsync(ToolCommand)"/>: <see cref="Environment"/>, the
    /// working directory, the masked command line in the log. Unlike there, it is not the target's to
    /// clean up: it is marked as a detached process of this target rather than with the run's marker,
    /// so neither cancellation nor the sweep at the end of a cancelled run kills it (a search for
    /// leftovers still recognises it as ours); it runs in a session of its own with no standard input,
    /// and its output (both streams, unmasked since nobody reads it as it comes) goes to the command's
    /// <see cref="ToolCommand.StandardOutputFile"/> if it has one, else nowhere. Unix only.
    /// </summary>
    public async Task<int> StartDetachedAsync(ToolCommand command)
    {
        ArgumentNullException.ThrowIfNull(command);
        var started = await RunAsync(command with { Detached = true }).ConfigureAwait(false);
        return started.DetachedProcessId ?? throw new InvalidOperationException($"'{command.Executable}' was not started detached.");
    }

    private TargetOutputs OutputsOrThrow() =>
        Outputs ?? throw new InvalidOperationException("This context was made without the run's outputs.");

    private ToolCommand WithTargetEnvironment(ToolCommand command) =>
        command with
        {
            Environment = command.Environment.SetItems(Environment
                .Where(e => !command.Environment.ContainsKey(e.Key))
                .Select(e => KeyValuePair.Create(e.Key, (string?)e.Value))),
        };
}
