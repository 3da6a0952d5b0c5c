using System.Diagnostics;
using CliWrap;

namespace Pipeline.Processes;

/// <summary>
/// Runs processes through CliWrap. Output streams line by line into the target's log; a non-zero
/// exit throws <see cref="ProcessFailedException"/>; cancellation interrupts the process (SIGINT),
/// and after its grace period kills the whole process tree,
/// including descendants that were orphaned (see <see cref="ProcessTree"/>).
/// </summary>
internal sealed class ProcessRunner(Func<string, string> mask, string runId)
{
    private const int LinesKeptForErrors = 20;

    /// <param name="owner">Whose process it is (a target's name): marks it for <see cref="ProcessTree"/>.</param>
    /// <param name="writeLine">Where its output lines go (a target's log), unless the command is quiet.</param>
    public async Task<ProcessResult> RunAsync(ToolCommand command, string owner, Action<string> writeLine, CancellationToken cancellation)
    {
        var output = new List<string>();
        var standardOutput = new List<string>();
        var clock = Stopwatch.StartNew();
        void OnLine(string line, bool isStandardOutput)
        {
            lock (output)
            {
                output.Add(line);
                if (isStandardOutput)
                {
                    standardOutput.Add(line);
                }
            }

            if (!command.Quiet)
            {
                writeLine(line);
            }
        }

        await using var outputFile = OpenOutputFile(command);
        void OnStandardOutput(string line)
        {
            if (outputFile is not null)
            {
                lock (outputFile)
                {
                    outputFile.WriteLine(mask(line));
                }
            }

            if (command.LogsStandardOutput)
            {
                OnLine(line, isStandardOutput: true);
                return;
            }

            lock (output)
            {
                output.Add(line);
                standardOutput.Add(line);
            }
        }

        writeLine("> " + mask(command.ToString()));
        var environment = command.Environment.ToDictionary(e => e.Key, e => e.Value);
        var marker = ProcessTree.MarkerFor(runId, owner);
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
        try
        {
            result = await cli.ExecuteAsync(forceful.Token, cancellation).ConfigureAwait(false);
        }
        catch (OperationCanceledException)
        {
            // CliWrap ended the process it started; orphans re-parented elsewhere go now.
            ProcessTree.KillMarked(marker, wholeRun: false);
            throw;
        }
        catch (Exception e) when (e is CliWrap.Exceptions.CliWrapException or System.ComponentModel.Win32Exception)
        {
            // One line, no stack trace: the tool is missing, which the user fixes by installing it.
            throw new ToolNotFoundException(
                $"Could not start '{command.Executable}': it is not installed or not on PATH. Install it, or declare it on the target " +
                "with .Requires(new RequiredTool(…)) so a missing tool is reported before anything runs.");
        }

        List<string> lines;
        List<string> standardLines;
        lock (output)
        {
            lines = [.. output];
            standardLines = [.. standardOutput];
        }

        if (!command.SuccessExitCodes.Contains(result.ExitCode))
        {
            throw new ProcessFailedException(
                mask(command.ToString()),
                result.ExitCode,
                [.. lines.TakeLast(LinesKeptForErrors).Select(mask)],
                outputWasLogged: !command.Quiet);
        }

        return new ProcessResult(result.ExitCode, lines, clock.Elapsed) { StandardOutput = standardLines };
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
