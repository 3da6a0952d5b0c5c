using System.Collections.Immutable;

namespace Pipeline;

/// <summary>
/// An immutable process invocation: the executable, its arguments as a list (never one shell
/// string), the working directory and extra environment. Every <c>With…</c> returns a new value.
/// </summary>
public sealed record ToolCommand(string Executable)
{
    public ImmutableArray<string> Arguments { get; init; } = [];

    public string? WorkingDirectory { get; init; }

    /// <summary>Variables added to (or, with a null value, removed from) the inherited environment.</summary>
    public ImmutableSortedDictionary<string, string?> Environment { get; init; } =
        ImmutableSortedDictionary<string, string?>.Empty.WithComparers(StringComparer.Ordinal);

    /// <summary>Text written to the process's standard input (a password for <c>--password-stdin</c>); never logged.</summary>
    public string? StandardInput { get; init; }

    /// <summary>Output is captured into the result but not written to the log (the command line still is).</summary>
    public bool Quiet { get; init; }

    /// <summary>Exit codes that count as success; any other throws <see cref="ProcessFailedException"/>.</summary>
    public ImmutableArray<int> SuccessExitCodes { get; init; } = [0];

    /// <summary>A file that receives the standard output, masked: a tool's machine-readable report (<c>go test -json</c>).</summary>
    public string? StandardOutputFile { get; init; }

    /// <summary>Whether standard output also goes to the log; standard error always does.</summary>
    public bool LogsStandardOutput { get; init; } = true;

    /// <summary>How long a cancelled process has, after SIGINT, to exit on its own before it is killed.</summary>
    public TimeSpan GracePeriod { get; init; } = TimeSpan.FromSeconds(5);

    /// <summary>
    /// What the log shows after <c>&gt;</c>, and a failure names, instead of the command line: for
    /// arguments that are sensitive beyond the run's registered secrets. Null shows the command line.
    /// </summary>
    public string? DisplayText { get; init; }

    /// <summary>Whether the command line (or <see cref="DisplayText"/>) is written to the log before the process starts.</summary>
    public bool Echo { get; init; } = true;

    /// <summary>
    /// Values this command knows are secret besides the run's registered ones (a password it is
    /// handed): masked, like those, in every line the runner writes for it and in its failure message.
    /// </summary>
    public ImmutableArray<string> Secrets { get; init; } = [];

    /// <summary>
    /// Standard output is itself a secret (a CLI that prints a token): it is only in the result's
    /// <see cref="ProcessResult.StandardOutput"/>, never logged, written to a file or kept for a failure message.
    /// </summary>
    public bool SecretOutput { get; init; }

    /// <summary>
    /// The result keeps every line, even those the log already has: for a caller that reads a tool's
    /// findings out of its logged output (a linter, <c>gofmt -l</c>). Otherwise it keeps only their
    /// last lines (see <see cref="ProcessResult"/>).
    /// </summary>
    public bool KeepsOutput { get; init; }

    /// <summary>Started by <see cref="TargetContext.StartDetachedAsync"/>: the runner launches it and returns at once.</summary>
    internal bool Detached { get; init; }

    /// <summary>Appends arguments to those already there (CliWrap's WithArguments replaces; this adds, hence the name).</summary>
    public ToolCommand AddArguments(params IEnumerable<string> arguments) => this with { Arguments = Arguments.AddRange(arguments) };

    public ToolCommand WithWorkingDirectory(string directory) => this with { WorkingDirectory = directory };

    public ToolCommand WithEnvironment(string name, string? value) => this with { Environment = Environment.SetItem(name, value) };

    public ToolCommand WithStandardInput(string text) => this with { StandardInput = text };

    public ToolCommand WithGracePeriod(TimeSpan gracePeriod) => this with { GracePeriod = gracePeriod };

    /// <summary>Captures the output without logging it: for commands whose output is data (inspect, logs).</summary>
    public ToolCommand WithQuietOutput() => this with { Quiet = true };

    /// <summary>
    /// Also accepts these exit codes, for tools whose non-zero exit is an answer rather than a failure
    /// (a linter with findings, a formatter check with changes): the caller reads the output and decides.
    /// </summary>
    public ToolCommand AcceptingExitCodes(params IEnumerable<int> exitCodes) =>
        this with { SuccessExitCodes = SuccessExitCodes.AddRange(exitCodes).Distinct().ToImmutableArray() };

    /// <summary>Writes standard output to <paramref name="file"/> (replacing it), and to the log unless <paramref name="alsoLog"/> is false.</summary>
    public ToolCommand WithStandardOutputTo(string file, bool alsoLog = true) =>
        this with { StandardOutputFile = file, LogsStandardOutput = alsoLog };

    /// <summary>
    /// Logs <paramref name="text"/> instead of the command line (<c>docker login HOST --username U --password-stdin</c>);
    /// a failure names the command by it too.
    /// </summary>
    public ToolCommand WithDisplayText(string text) => this with { DisplayText = text };

    /// <summary>Writes nothing to the log before the process starts; a failure names only the executable (or the <see cref="DisplayText"/>).</summary>
    public ToolCommand WithoutEcho() => this with { Echo = false };

    /// <summary>Masks <paramref name="value"/> wherever the runner writes about this command: its output lines, its command line, its failure message.</summary>
    public ToolCommand WithSecret(string value) =>
        string.IsNullOrEmpty(value) ? this : this with { Secrets = Secrets.Add(value) };

    /// <summary>Keeps standard output, which is a secret, out of the log, files and failure messages (see <see cref="SecretOutput"/>).</summary>
    public ToolCommand WithSecretOutput() => this with { SecretOutput = true };

    /// <summary>Keeps all of the output in the result, logged or not (see <see cref="KeepsOutput"/>): the caller parses it.</summary>
    public ToolCommand WithOutputKept() => this with { KeepsOutput = true };

    /// <summary>What the log and a failure call this command: <see cref="DisplayText"/>, else the command line, or without echo only the executable.</summary>
    internal string DisplayLine => DisplayText ?? (Echo ? ToString() : Executable);

    internal ToolCommand WithDefaultWorkingDirectory(string directory) =>
        WorkingDirectory is null ? this with { WorkingDirectory = directory } : this;

    /// <summary>The command line as a person would retype it, each argument quoted when needed.</summary>
    public override string ToString() =>
        string.Join(' ', Arguments.Prepend(Executable).Select(a => a.Length > 0 && !a.Any(c => char.IsWhiteSpace(c) || c is '"' or '\'') ? a : $"'{a.Replace("'", "'\\''", StringComparison.Ordinal)}'"));
}

/// <summary>A reusable tool: an executable plus the environment it always needs.</summary>
public sealed record Tool(string Executable)
{
    public ToolCommand Command(params IEnumerable<string> arguments) => new ToolCommand(Executable).AddArguments(arguments);
}

/// <summary>
/// How a process ended, with the lines it printed (stdout and stderr, as they came).
/// <para>
/// What it keeps of them: lines that go nowhere else are kept whole, because the caller asked for
/// them: all output of a <see cref="ToolCommand.Quiet"/> command, and standard output that is neither
/// logged nor written to a <see cref="ToolCommand.StandardOutputFile"/> (a <see cref="ToolCommand.SecretOutput"/>
/// command's, say). Lines the log or a file has already are kept only as their last ones — at most
/// 1,000 lines and 1,000,000 characters in each list, always including the last line: enough for a
/// failure report (its last 20 lines) or a closing summary line, without a long build log growing
/// the process. A command <see cref="ToolCommand.WithOutputKept">with its output kept</see> keeps
/// everything. Each list follows the rule for its own lines: a secret-output command that is not
/// quiet has all of its <see cref="StandardOutput"/> and the last lines of its <see cref="StandardError"/>.
/// </para>
/// </summary>
/// <param name="Output">Standard output and standard error in the order they came: all of them, or their last lines (see above).</param>
public sealed record ProcessResult(int ExitCode, IReadOnlyList<string> Output, TimeSpan Duration)
{
    /// <summary>Only the standard output lines: data a command prints, without its warnings.</summary>
    public IReadOnlyList<string> StandardOutput { get; init; } = Output;

    /// <summary>Only the standard error lines: a tool's diagnostics, for a caller that explains a failure itself.</summary>
    public IReadOnlyList<string> StandardError { get; init; } = [];

    /// <summary>For a process started detached: its id (it is still running); null for one that ran to its end.</summary>
    internal int? DetachedProcessId { get; init; }
}
