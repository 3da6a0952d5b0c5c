using Pipeline.Cli;
using Pipeline.Execution;
using Pipeline.Execution.Incremental;
using Pipeline.Generation;
using Pipeline.Output;
using Pipeline.Output.Report;
using Pipeline.Planning;
using Pipeline.Processes;

namespace Pipeline.Hosting;

/// <summary>
/// One invocation from arguments to exit code: parse, build, then help, generate, plan or run.
/// Every check that can fail on bad input runs before the first target starts. The only place
/// that turns errors into exit codes.
/// </summary>
internal static class PipelineHost
{
    public static async Task<int> RunAsync(
        PipelineBuilder builder, IReadOnlyList<string> args, PipelineEnvironment environment, CancellationToken cancellation)
    {
        var masker = new SecretMasker();
        var console = new OutputConsole(environment.Out, environment.Error, environment.UseColor, masker);
        try
        {
            var commandLine = CommandLine.Parse(args);
            var inputs = new ParameterInputs(commandLine.ParameterTokens, environment.Variables, LoadFiles(environment.RootDirectory, commandLine.Profiles));
            var session = builder.Open(environment, inputs);

            if (commandLine.Help)
            {
                console.WriteLines(HelpRenderer.Render(session.Graph, session.Parameters.Declared));
                return ExitCodes.Success;
            }

            session.Parameters.Validate();
            foreach (var (parameter, value) in session.Parameters.SecretValues())
            {
                var unmasked = masker.Register(value).Count;
                if (unmasked > 0)
                {
                    console.WriteErrorLine(
                        $"warning: the secret {parameter.OptionName} has {unmasked} line{(unmasked == 1 ? "" : "s")} shorter than " +
                        $"{SecretMasker.MinimumLineLength} characters, which {(unmasked == 1 ? "is" : "are")} not masked when printed alone.");
                }
            }

            if (commandLine.UpdateActions is { } references)
            {
                var locks = builder.Generators.OfType<ILockedReferences>().ToList();
                if (locks.Count == 0)
                {
                    throw new UsageException("--update-actions refreshes the action lock of generated workflows, and this pipeline generates none (add .Workflows(…)).");
                }

                foreach (var locked in locks)
                {
                    console.WriteLines(await locked.UpdateLockAsync(environment.RootDirectory, references, environment.Variables, cancellation).ConfigureAwait(false));
                }

                return ExitCodes.Success;
            }

            if (commandLine.Generate)
            {
                var context = GeneratedFiles.ContextFor(session.Graph, session.Parameters.Declared, environment.RootDirectory, builder.BuildProjectDirectory);
                return GeneratedFiles.Apply(GeneratedFiles.Collect(context, builder.Generators), environment.RootDirectory, commandLine.Check, console);
            }

            var gitHub = GitHubRun.From(environment.Variables);
            var facts = ConditionFacts.From(gitHub, environment.RootDirectory) with
            {
                Variables = environment.Variables,
                Workspace = environment.RootDirectory,
                Parameters = session.Parameters.Declared,
                ParameterText = session.Parameters.TextOf,
            };
            var plan = Planner.Create(session.Graph, new PlanRequest(commandLine.Targets, commandLine.Skip) { Facts = facts });
            var maxParallel = commandLine.MaxParallel ?? environment.ProcessorCount;
            var force = commandLine.Force.Resolved(session.Graph);
            if (commandLine.Plan is PlanFormat.Mermaid)
            {
                console.WriteLines(PlanRenderer.Mermaid(plan));
                return ExitCodes.Success;
            }

            if (commandLine.Fingerprints)
            {
                return await PrintFingerprintsAsync(session, gitHub, plan, masker, console, cancellation).ConfigureAwait(false);
            }

            if (commandLine.Plan is PlanFormat.Text)
            {
                var processes = new ProcessRunner(masker.Mask, NewRunId());
                var tools = await RequiredTools.DescribeAsync(plan, environment.Variables, processes, cancellation).ConfigureAwait(false);
                var incremental = new IncrementalTargets(environment.RootDirectory, session.Parameters, environment.Variables, processes);
                var upToDate = await PlanNotes.DescribeAsync(plan, incremental, force, environment.Variables, cancellation).ConfigureAwait(false);
                var ciSteps = builder.Generators.OfType<ICiOnlySteps>()
                    .SelectMany(g => g.StepsBesides(session.Graph))
                    .GroupBy(s => s.Key, StringComparer.Ordinal)
                    .ToDictionary(g => g.Key, g => (IReadOnlyList<string>)[.. g.SelectMany(s => s.Value)], StringComparer.Ordinal);
                console.WriteLines(PlanRenderer.Text(plan, maxParallel, tools, upToDate, ciSteps));
                return ExitCodes.Success;
            }

            RequiredParameters.Check(plan, session.Parameters);
            RequiredTools.Check(plan, environment.Variables);
            var services = new ServiceHosting(session.Dependencies.Registered<IServiceContainerHost>(), gitHub.IsActions);
            services.Check(plan);
            var otherJobs = OtherJobResults.Read(environment.Variables, session.Graph);
            return await RunPlanAsync(session, gitHub, plan, maxParallel, services, force, otherJobs, console, !commandLine.NoReport, cancellation).ConfigureAwait(false);
        }
        catch (PipelineException e)
        {
            console.WriteErrorLine("error: " + e.Shown);
            return e.RunExitCode;
        }
        catch (Exception e) when (e is not OperationCanceledException)
        {
            // Before any target ran: the pipeline's own code (a constructor, a static condition) or ours.
            if (EngineBugs.IsThrownByEngine(e))
            {
                console.WriteErrorLine(EngineBugs.Report(e));
                return ExitCodes.EngineBug;
            }

            console.WriteErrorLine("error: the pipeline's code failed before running any target: " + e);
            return ExitCodes.Definition;
        }
    }

    private static async Task<int> RunPlanAsync(
        PipelineSession session,
        GitHubRun gitHub,
        Plan plan,
        int maxParallel,
        ServiceHosting services,
        ForceRequest force,
        IReadOnlyList<FinishedTarget> otherJobs,
        OutputConsole console,
        bool writeReport,
        CancellationToken cancellation)
    {
        var environment = session.Environment;
        ConsoleCapture.Install();
        var stepSummary = StepSummaryFor(gitHub, console);
        var runId = NewRunId();
        IRunOutput output = gitHub.IsActions
            ? new GitHubActionsOutput(console, stepSummary, RunFile.HeldOutputOf(environment.RootDirectory, runId))
            {
                RootInWorkspace = GitHubActionsOutput.PathFromWorkspace(environment.RootDirectory, gitHub.Workspace),
            }
            : new LocalConsoleOutput(console);
        var processes = new ProcessRunner(console.Masker.Mask, runId);
        var sections = new ReportSections();
        var executor = new TargetExecutor(
            output, session.Parameters, environment.RootDirectory, processes, environment.Clock, environment.Variables, stepSummary, services, gitHub)
        {
            Force = force,
            Sections = sections,
        };

        foreach (var note in await RunFile.EndDeadRunsAsync(environment.RootDirectory).ConfigureAwait(false))
        {
            console.WriteErrorLine(note);
        }

        // Once, before any process starts: what our processes orphan is re-parented to us, not to init.
        var adopting = environment.OwnsProcess && Subreaper.Become();
        using var stopReaping = new CancellationTokenSource();
        var reaping = adopting ? AdoptedZombies.ReapUntilAsync(stopReaping.Token) : Task.CompletedTask;
        using (RunFile.Write(environment.RootDirectory, runId))
        {
            var startedUtc = environment.Clock.GetUtcNow();
            var scheduler = new Scheduler(executor, output, environment.Clock)
            {
                OtherJobs = otherJobs,
                Ending = writeReport
                    ? finished => ReportFile.Write(environment.RootDirectory, finished, sections.All, new ReportFacts(startedUtc, gitHub), console, stepSummary)
                    : null,
            };
            var report = await scheduler.RunAsync(plan, maxParallel, cancellation).ConfigureAwait(false);
            if (report.Canceled)
            {
                // Targets that ignored their token may still have processes: nothing of this run survives it.
                ProcessTree.KillRun(runId);
            }

            if (adopting)
            {
                // Canceled or not: what left our session and dropped our marker is still our child.
                var ended = await Subreaper.EndLeftoversAsync().ConfigureAwait(false);
                if (ended.Count > 0)
                {
                    console.WriteErrorLine($"note: this run left {Leftovers.Describe(ended)}; ended {(ended.Count == 1 ? "it" : "them")}.");
                }
            }

            await stopReaping.CancelAsync().ConfigureAwait(false);
            await reaping.ConfigureAwait(false);

            RunFile.DeleteFolder(RunFile.HeldOutputOf(environment.RootDirectory, runId)); // every group is written by now
            RecordOutcomes(gitHub, report, console);
            return report.ExitCode;
        }
    }

    /// <summary>Each target's outcome as the CI step's output, for a job that reports on the run; a file it cannot write is a warning.</summary>
    private static void RecordOutcomes(GitHubRun gitHub, RunReport report, OutputConsole console)
    {
        if (!gitHub.IsActions || gitHub.OutputPath is not { Length: > 0 } outputFile)
        {
            return;
        }

        try
        {
            JobOutcomes.Append(outputFile, Scheduler.RanHere(report), console.Masker.Mask);
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            console.WriteErrorLine($"warning: could not record the targets' outcomes in {outputFile}: {e.Message}");
        }
    }

    /// <summary>Printed, and appended to <c>$GITHUB_OUTPUT</c> in a CI step: the same keys a run records, computed without running.</summary>
    private static async Task<int> PrintFingerprintsAsync(
        PipelineSession session, GitHubRun gitHub, Plan plan, SecretMasker masker, OutputConsole console, CancellationToken cancellation)
    {
        var environment = session.Environment;
        var processes = new ProcessRunner(masker.Mask, NewRunId());
        var incremental = new IncrementalTargets(environment.RootDirectory, session.Parameters, environment.Variables, processes);
        var lines = await FingerprintReport.ComputeAsync(plan, incremental, environment.Variables, cancellation).ConfigureAwait(false);
        console.WriteLines([.. lines.Select(l => $"{l.Key}={l.Value}")]);
        if (gitHub.OutputPath is { Length: > 0 } outputFile)
        {
            FingerprintReport.WriteTo(outputFile, lines);
        }

        return ExitCodes.Success;
    }

    private static string NewRunId() => Guid.NewGuid().ToString("N")[..12];

    private static StepSummary StepSummaryFor(GitHubRun gitHub, OutputConsole console) =>
        gitHub.IsActions ? new StepSummary(gitHub.StepSummaryPath, console.Masker.Mask, console.WriteErrorLine) : StepSummary.None;

    private static List<ParametersFile> LoadFiles(AbsolutePath root, IReadOnlyList<string> profiles)
    {
        var files = new List<ParametersFile>();
        var main = root / ".nuke" / "parameters.json";
        if (File.Exists(main))
        {
            files.Add(ParametersFile.Load(main, root));
        }

        foreach (var profile in profiles)
        {
            var path = root / ".nuke" / $"parameters.{profile}.json";
            if (!File.Exists(path))
            {
                var known = Directory.Exists(root / ".nuke")
                    ? Directory.GetFiles(root / ".nuke", "parameters.*.json").Select(f => Path.GetFileName(f)["parameters.".Length..^".json".Length])
                    : [];
                throw new UsageException($"Profile '{profile}' has no file {path.RelativeTo(root)}." + Suggestions.DidYouMean(profile, known));
            }

            files.Add(ParametersFile.Load(path, root));
        }

        return files;
    }
}
