using System.Collections.Concurrent;
using System.Diagnostics;
using System.Globalization;
using CliWrap;

namespace Pipeline.Processes;

/// <summary>
/// Runs processes through CliWrap: the one place in the engine and its component libraries that
/// starts a process. Output streams line by line into the target's log; a non-zero exit throws
/// <see cref="ProcessFailedException"/>; cancellation interrupts the process (SIGINT), and after its
/// grace period kills the whole process tree, including descendants that were orphaned (see
/// <see cref="ProcessTree"/>). Everything it writes is masked: the run's secrets and the command's own.
/// </summary>
/// <param name="mask">Masks the run's secrets in a text, together with the command's own <see cref="ToolCommand.Secrets"/>.</param>
internal sealed class ProcessRunner(Func<string, IReadOnlyCollection<string>, string> mask, string runId)
{
    private const int LinesKeptForErrors = 20;

    private long _commandsStarted;

    /// <summary>The owners (targets) that have run a command in this run: only those can leave processes behind.</summary>
    private readonly ConcurrentDictionary<string, byte> _owners = new();

    /// <summary>
    /// Starts the command in its own session with no standard input and its output in a file (or
    /// nowhere), and prints its process id: <c>$0</c> is that file, <c>$@</c> the command. A name that
    /// is not on PATH fails here, with 127, rather than later in a process nobody waits for.
    /// </summary>
    private const string DetachingLauncher = """
        case "$1" in */*) [ -x "$1" ] ;; *) command -v "$1" >/dev/null 2>&1 ;; esac || { echo "$1: not found" >&2; exit 127; }
        if command -v setsid >/dev/null 2>&1; then setsid "$@" >"$0" 2>&1 </dev/null & else "$@" >"$0" 2>&1 </dev/null & fi
        echo $!
        """;

    /// <summary>The marker of the processes <paramref name="owner"/> starts in this run (not detached ones).</summary>
    public string MarkerOf(string owner) => ProcessTree.MarkerFor(runId, owner);

    /// <summary>Whether <paramref name="owner"/> has run a command (not a detached one) in this run.</summary>
    public bool HasRunCommands(string owner) => _owners.ContainsKey(owner);

    /// <param name="owner">Whose process it is (a target's name): marks it for <see cref="ProcessTree"/>.</param>
    /// <param name="writeLine">Where its output lines go (a target's log), unless the command is quiet.</param>
    public async Task<ProcessResult> RunAsync(ToolCommand command, string owner, Action<string> writeLine, CancellationToken cancellation)
    {
        if (command.Detached)
        {
            return await StartDetachedAsync(command, owner, writeLine, cancellation).ConfigureAwait(false);
        }

        if (command.Echo)
        {
            writeLine("> " + mask(command.DisplayLine, command.Secrets));
        }

        _owners.TryAdd(owner, 0);
        var marker = ProcessTree.CommandMarkerFor(MarkerOf(owner), Interlocked.Increment(ref _commandsStarted));
        return await ExecuteAsync(command, marker, sweepOnCancel: true, writeLine, cancellation).ConfigureAwait(false);
    }

    /// <summary>
    /// Starts a process that outlives the target and the run, and returns as soon as it runs. It
    /// still goes this one way (masked command line, the command's environment and directory), but
    /// carries a <see cref="ProcessTree.DetachedMarkerFor">detached marker</see> instead of the run's,
    /// runs in a session of its own (a Ctrl+C in the terminal does not reach it), holds none of our
    /// pipes, and sends its output, unmasked since nobody reads it as it comes, to the command's
    /// <see cref="ToolCommand.StandardOutputFile"/> if it has one.
    /// </summary>
    private async Task<ProcessResult> StartDetachedAsync(ToolCommand command, string owner, Action<string> writeLine, CancellationToken cancellation)
    {
        if (OperatingSystem.IsWindows())
        {
            throw new PlatformNotSupportedException($"Starting '{command.Executable}' detached needs a Unix shell.");
        }

        if (command.StandardInput is not null)
        {
            throw new ArgumentException($"'{command.Executable}' is started detached, with no standard input; it cannot be given any.", nameof(command));
        }

        var workingDirectory = command.WorkingDirectory ?? Environment.CurrentDirectory;
        var outputFile = command.StandardOutputFile is { } path ? Path.GetFullPath(path, workingDirectory) : null;
        if (outputFile is not null)
        {
            Directory.CreateDirectory(Path.GetDirectoryName(outputFile)!);
        }

        if (command.Echo)
        {
            var where = outputFile is null ? "" : ", output in " + outputFile;
            writeLine("> " + mask(command.DisplayLine, command.Secrets) + $" (detached{where})");
        }

        var launcher = new ToolCommand("/bin/sh")
        {
            Arguments = ["-c", DetachingLauncher, outputFile ?? "/dev/null", command.Executable, .. command.Arguments],
            WorkingDirectory = workingDirectory,
            Environment = command.Environment,
            Secrets = command.Secrets,
            DisplayText = command.DisplayLine,
            GracePeriod = command.GracePeriod,
            Quiet = true,
        }.AcceptingExitCodes(127);

        // The launcher is gone in a moment; a cancelled launch leaves alone what this target started detached before.
        var result = await ExecuteAsync(launcher, ProcessTree.DetachedMarkerFor(runId, owner), sweepOnCancel: false, writeLine, cancellation).ConfigureAwait(false);
        if (result.ExitCode == 127)
        {
            throw new ToolNotFoundException($"Could not start '{mask(command.Executable, command.Secrets)}': it is not installed or not on PATH.");
        }

        return result.StandardOutput.Count > 0 && int.TryParse(result.StandardOutput[^1], NumberStyles.None, CultureInfo.InvariantCulture, out var pid)
            ? result with { DetachedProcessId = pid }
            : throw new InvalidOperationException($"Starting '{mask(command.Executable, command.Secrets)}' detached printed no process id.");
    }

    private async Task<ProcessResult> ExecuteAsync(
        ToolCommand command, string marker, bool sweepOnCancel, Action<string> writeLine, CancellationToken cancellation)
    {
        string Mask(string text) => mask(text, command.Secrets);

        // The result keeps whole what goes nowhere else (the caller captures it) and the last lines
        // of what the log or a file has already: a long build log must not grow the process (see ProcessResult).
        var standardOutputOnlyHere = command.SecretOutput || (command.Quiet || !command.LogsStandardOutput) && command.StandardOutputFile is null;
        var standardErrorOnlyHere = command.Quiet;
        var output = new KeptLines(whole: command.KeepsOutput || standardOutputOnlyHere && standardErrorOnlyHere);
        var standardOutput = new KeptLines(whole: command.KeepsOutput || standardOutputOnlyHere);
        var standardError = new KeptLines(whole: command.KeepsOutput || standardErrorOnlyHere);
        var clock = Stopwatch.StartNew();
        void Keep(string line, bool isStandardOutput)
        {
            lock (output)
            {
                output.Add(line);
                (isStandardOutput ? standardOutput : standardError).Add(line);
            }
        }

        void OnLine(string line, bool isStandardOutput)
        {
            Keep(line, isStandardOutput);
            if (!command.Quiet)
            {
                writeLine(Mask(line));
            }
        }

        await using var outputFile = command.SecretOutput ? null : OpenOutputFile(command);
        void OnStandardOutput(string line)
        {
            if (command.SecretOutput)
            {
                // The result's standard output only: not the log, not a file, not the lines a failure shows.
                lock (output)
                {
                    standardOutput.Add(line);
                }

                return;
            }

            if (outputFile is not null)
            {
                lock (outputFile)
                {
                    outputFile.WriteLine(Mask(line));
                }
            }

            if (command.LogsStandardOutput)
            {
                OnLine(line, isStandardOutput: true);
                return;
            }

            Keep(line, isStandardOutput: true);
        }

        var environment = command.Environment.ToDictionary(e => e.Key, e => e.Value);
        environment[ProcessTree.MarkerVariable] = marker;

        var cli = CliWrap.Cli.Wrap(command.Executable)
            .WithArguments(command.Arguments)
            .WithWorkingDirectory(command.WorkingDirectory ?? Environment.CurrentDirectory)
            .WithEnvironmentVariables(environment)
            .WithValidation(CommandResultValidation.None)
            .WithStandardOutputPipe(PipeTarget.ToDelegate(OnStandardOutput))
            .WithStandardErrorPipe(PipeTarget.ToDelegate(line => OnLine(line, isStandardOutput: false)));
        if (command.StandardInput is { } input)
        {
            cli = cli.WithStandardInputPipe(PipeSource.FromString(input));
        }

        // Cancellation asks first (SIGINT: a tool may clean up, flush a report, stop its containers)
        // and kills only if the process is still there after the grace period.
        using var forceful = new CancellationTokenSource();
        using var escalation = cancellation.Register(() => forceful.CancelAfter(command.GracePeriod));
        CommandResult result;
        var started = 0;
        try
        {
            var running = cli.ExecuteAsync(forceful.Token, cancellation);
            started = running.ProcessId;
            AdoptedZombies.StartedByUs(started);
            var holders = sweepOnCancel
                ? OutputHolders.EndOnceExitedAsync(running.ProcessId, marker, running.Task, ended => writeLine(Mask(OutputHolders.Warning(command.DisplayLine, ended))))
                : Task.CompletedTask;
            result = await running.ConfigureAwait(false);
            await holders.ConfigureAwait(false);
        }
        catch (OperationCanceledException)
        {
            // CliWrap ended the process it started; orphans re-parented elsewhere go now.
            if (sweepOnCancel)
            {
                ProcessTree.KillCommand(marker);
            }

            throw;
        }
        catch (Exception e) when (e is CliWrap.Exceptions.CliWrapException or System.ComponentModel.Win32Exception)
        {
            // One line, no stack trace: the tool is missing, which the user fixes by installing it.
            throw new ToolNotFoundException(
                $"Could not start '{Mask(command.Executable)}': it is not installed or not on PATH. Install it, or declare it on the target " +
                "with .Requires(new RequiredTool(…)) so a missing tool is reported before anything runs.");
        }
        finally
        {
            // CliWrap returns once .NET has reaped it: from here its pid may belong to anyone.
            AdoptedZombies.ReapedByDotNet(started);
        }

        List<string> lines;
        List<string> standardLines;
        List<string> errorLines;
        lock (output)
        {
            lines = output.ToList();
            standardLines = standardOutput.ToList();
            errorLines = standardError.ToList();
        }

        if (!command.SuccessExitCodes.Contains(result.ExitCode))
        {
            throw new ProcessFailedException(
                Mask(command.DisplayLine),
                result.ExitCode,
                [.. lines.TakeLast(LinesKeptForErrors).Select(Mask)],
                outputWasLogged: !command.Quiet);
        }

        return new ProcessResult(result.ExitCode, lines, clock.Elapsed) { StandardOutput = standardLines, StandardError = errorLines };
    }

    private static StreamWriter? OpenOutputFile(ToolCommand command)
    {
        if (command.StandardOutputFile is not { } path)
        {
            return null;
        }

        var file = Path.GetFullPath(path, command.WorkingDirectory ?? Environment.CurrentDirectory);
        Directory.CreateDirectory(Path.GetDirectoryName(file)!);
        return new StreamWriter(file, append: false);
    }
}
