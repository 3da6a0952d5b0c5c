using Pipeline.Planning;

namespace Pipeline.GitHubActions;

/// <summary>
/// The steps of one job, always in this order: checkout, .NET from global.json, the other
/// toolchains, caches keyed on the toolchains' lock files, downloads of the artifacts its targets
/// consume from jobs before it (and those it asks for), its own steps before the build,
/// <c>./build.sh</c> (<c>./build.ps1</c> on Windows), uploads of the artifacts its targets produce,
/// its own steps after the build.
/// </summary>
internal sealed class JobSteps(WorkflowDeclaration workflow, TargetGraph graph, IReadOnlyList<JobTargets> split, JobTargets job, Problems problems, IExpressionNames names)
{
    private readonly List<string> _needsForConditions = [];
    private IReadOnlyList<string> _secrets = [];

    /// <summary>Jobs (their roots) a download's condition names, so the job must need them directly.</summary>
    public IReadOnlyList<string> NeedsForConditions => _needsForConditions;

    /// <summary>The repository secrets the job's own steps read.</summary>
    public IReadOnlyList<string> Secrets => _secrets;

    public IReadOnlyList<StepModel> Plan(
        List<TargetDefinition> runs, TargetMatrix? matrix, JobDeclaration declaration, IReadOnlyList<KeyValuePair<string, string>> env, IReadOnlyList<string> runsOn)
    {
        var surface = declaration.Surface;
        var toolchains = new[] { Toolchain.DotNet }.Concat(runs.SelectMany(t => t.Toolchains)).DistinctBy(t => t.Name).ToList();
        var caches = surface.Caches && PublishingWorkflow.Reason(workflow, graph, split) is null; // never in a publishing workflow
        List<StepModel> steps =
        [
            Checkout(declaration.FetchDepth, surface.Checkout),
            .. toolchains.Where(t => surface.SetUpDotNet || t.Name != Toolchain.DotNet.Name).Select(Setup).OfType<StepModel>(),
            .. caches ? toolchains.Select(Cache) : [],
        ];
        steps.AddRange(Downloads(runs));
        steps.AddRange(surface.Downloads.Select(Download));
        var own = new UserSteps(workflow, problems, job.Root, names);
        steps.AddRange(TargetCiSteps.Plan(runs, CiStepPlacement.BeforeBuild, workflow, problems, job.Root));
        steps.AddRange(own.Plan(surface.BeforeBuild, "before the build"));

        var skip = job.Skips.Count == 0 ? "" : " --skip " + string.Join(' ', job.Skips);
        var script = JobSurfacePlanner.BuildScript(surface, runsOn);
        steps.Add(StepModel.Command($"Run {job.Root}", $"{script} {job.Root}{skip}", env) with { IsBuild = true });
        if (caches)
        {
            IncrementalCacheSteps.AddAround(steps, workflow, job, runs, env);
        }

        steps.AddRange(Uploads(runs, matrix, surface.Uploads));
        steps.AddRange(TargetCiSteps.Plan(runs, CiStepPlacement.AfterBuild, workflow, problems, job.Root));
        steps.AddRange(own.Plan(surface.AfterBuild, "after the build"));
        steps.Add(RunReportUpload(matrix)); // last, so every step the job declares keeps its place after the build
        steps.Add(RunReportLink());
        _secrets = own.Secrets;
        return steps;
    }

    private StepModel Checkout(int? fetchDepth, CheckoutOptions options) => StepModel.Action(
        "Check out",
        Action(DefaultActions.Checkout),
        [
            .. fetchDepth is { } depth ? [new KeyValuePair<string, string>("fetch-depth", depth.ToString(System.Globalization.CultureInfo.InvariantCulture))] : Array.Empty<KeyValuePair<string, string>>(),
            .. CheckoutInputs(options),
            new("persist-credentials", "false"), // later steps get no token from the checkout
        ]);

    private static IEnumerable<KeyValuePair<string, string>> CheckoutInputs(CheckoutOptions options)
    {
        if (options.Lfs)
        {
            yield return new("lfs", "true");
        }

        if (options.Submodules != CheckoutSubmodules.None)
        {
            yield return new("submodules", options.Submodules == CheckoutSubmodules.Recursive ? "recursive" : "true");
        }

        if (options.Ref is { } reference)
        {
            yield return new("ref", reference);
        }
    }

    /// <summary>A download the job asked for: every artifact of the run, or those matching a pattern.</summary>
    private StepModel Download(DownloadRequest request) => request.FromTriggeringRun ? FromTriggeringRun(request) : StepModel.Action(
        request.Pattern is null ? "Download all artifacts" : $"Download {request.Pattern}",
        Action(DefaultActions.DownloadArtifact),
        [
            .. request.Pattern is { } pattern ? [new KeyValuePair<string, string>("pattern", pattern)] : Array.Empty<KeyValuePair<string, string>>(),
            .. request.MergeMultiple ? [new KeyValuePair<string, string>("merge-multiple", "true")] : Array.Empty<KeyValuePair<string, string>>(),
            new("path", request.Path),
        ]);

    /// <summary>An artifact of the run that triggered this one: only a <c>workflow_run</c> workflow has one.</summary>
    private StepModel FromTriggeringRun(DownloadRequest request)
    {
        if (workflow.Surface.WorkflowRun is null)
        {
            problems.Add($"the job {job.Root} downloads {request.Pattern} from the triggering run, but the workflow has no workflow_run trigger: add OnWorkflowRun<T>().");
        }

        return StepModel.Action(
            $"Download {request.Pattern} from the triggering run",
            Action(DefaultActions.DownloadArtifact),
            [
                new("name", request.Pattern!),
                new("path", request.Path),
                new("run-id", "${{ github.event.workflow_run.id }}"),
                new("github-token", "${{ github.token }}"),
            ]);
    }

    private StepModel? Setup(Toolchain toolchain) => toolchain.Name switch
    {
        "dotnet" => StepModel.Action("Set up .NET", Action(DefaultActions.SetupDotNet), new KeyValuePair<string, string>("global-json-file", toolchain.VersionFile ?? "global.json")),
        "go" => StepModel.Action("Set up Go", Action(DefaultActions.SetupGo), [.. VersionFile("go-version-file", toolchain), new("cache", "false")]),
        "node" => StepModel.Action("Set up Node.js", Action(DefaultActions.SetupNode), VersionFile("node-version-file", toolchain)),
        _ => null, // cargo and others: preinstalled on GitHub's runners
    };

    private StepModel Cache(Toolchain toolchain)
    {
        var files = string.Join(", ", toolchain.LockFiles.Select(f => $"'{f.Replace("'", "''", StringComparison.Ordinal)}'"));
        var prefix = $"${{{{ runner.os }}}}-{toolchain.Name}-";
        return StepModel.Action(
            $"Cache {toolchain.Name} packages",
            Action(DefaultActions.Cache),
            new("path", string.Join('\n', toolchain.CachePaths)),
            new("key", $"{prefix}${{{{ hashFiles({files}) }}}}"),
            new("restore-keys", prefix));
    }

    /// <summary>
    /// A download per artifact its targets consume from another job: the artifact itself, or, for a
    /// family (see <see cref="Artifact.Member"/>), each member some target produces, by its own name and
    /// with its own condition, so none comes from a job this one does not wait for.
    /// </summary>
    private IEnumerable<StepModel> Downloads(List<TargetDefinition> runs)
    {
        var downloaded = new HashSet<string>(StringComparer.Ordinal);
        foreach (var (consumer, artifact) in runs.SelectMany(t => t.Consumes.Select(a => (t, a))).DistinctBy(c => c.a.Name))
        {
            var producers = graph.Targets.Where(t => t.Produces.Any(p => p.Name == artifact.Name)).ToList();
            if (producers.Count > 1)
            {
                problems.Add($"the artifact {artifact.Name} is produced by {string.Join(" and ", producers.Select(p => p.Name))}; one target produces an artifact.");
                continue;
            }

            var produced = graph.Targets.SelectMany(t => t.Produces.Where(artifact.Includes).Select(p => (Producer: t.Name, Artifact: p))).ToList();
            if (produced.Count == 0)
            {
                problems.Add($"{consumer.Name} consumes the artifact {artifact.Name}, which no target produces.");
                continue;
            }

            foreach (var (producer, member) in produced)
            {
                if (downloaded.Add(member.Name) && Download(consumer, artifact, producer, member) is { } download)
                {
                    yield return download;
                }
            }
        }
    }

    /// <summary>The download of <paramref name="produced"/> (<paramref name="consumed"/> or a member of it), or null when this job makes it.</summary>
    private StepModel? Download(TargetDefinition consumer, Artifact consumed, string producer, Artifact produced)
    {
        if (job.Runs.Contains(producer))
        {
            return null; // made in this job: already on disk
        }

        var from = split.FirstOrDefault(j => job.Upstream.Contains(j.Root) && j.Runs.Contains(producer));
        if (from is null)
        {
            var what = produced.Name == consumed.Name ? "it" : $"its member {produced.Name}";
            problems.Add($"{consumer.Name} consumes the artifact {consumed.Name}, but {producer}, which produces {what}, runs in no job that {job.Root} waits for. " +
                $"Make {consumer.Name} depend on {producer}.");
            return null;
        }

        IEnumerable<KeyValuePair<string, string>> which = graph[from.Root].Matrix is null
            ? [new("name", produced.Name)]
            : [new("pattern", produced.Name + "-*"), new("merge-multiple", "true")];
        var download = StepModel.Action(
            $"Download {produced.Name}",
            Action(DefaultActions.DownloadArtifact),
            [.. which, new("path", DownloadPath(produced))]);
        return WhenProduced(download, from, producer);
    }

    /// <summary>
    /// A download from a job that its own condition may skip runs only when that job succeeded, and
    /// one of an artifact whose producer the engine skips by its condition inside a running job
    /// (see <see cref="JobPlanner.JobCondition"/>) only when that condition holds: locally a skipped
    /// producer just leaves no files, and the consumer runs on without them.
    /// </summary>
    private StepModel WhenProduced(StepModel download, JobTargets producerJob, string producer)
    {
        List<string> parts = [];
        if (JobPlanner.MaySkipJob(graph[producerJob.Root], producerJob))
        {
            _needsForConditions.Add(producerJob.Root);
            parts.Add($"needs.{JobPlanner.IdOf(producerJob.Root)}.result == 'success'");
        }

        if (SkippedInsideItsJob(producer, producerJob) is { } when)
        {
            parts.Add(GitHubExpression.AsOperandOfAnd(when, names));
        }

        return parts.Count == 0 ? download : download with { If = string.Join(" && ", parts) };
    }

    /// <summary>The condition by which the engine may skip <paramref name="producer"/> in a job that runs anyway.</summary>
    private Condition? SkippedInsideItsJob(string producer, JobTargets producerJob) =>
        graph[producer].When is { DependsOnStatus: false } when
            && !(producer == producerJob.Root && JobPlanner.MaySkipJob(graph[producer], producerJob))
            ? when
            : null;

    /// <summary>
    /// The run's HTML report (<c>artifacts/report/</c>), which the engine writes at the end of every
    /// run: uploaded whatever happened, one artifact per job, since a name may occur once in a run (a
    /// matrix leg adds its index: its values may hold characters an artifact name may not). A run
    /// that wrote none (<c>--no-report</c>, a job cancelled before the build) uploads nothing.
    /// </summary>
    private StepModel RunReportUpload(TargetMatrix? matrix)
    {
        var upload = StepModel.Action(
            "Upload the run report",
            Action(DefaultActions.UploadArtifact),
            [
                new("name", $"run-report-{JobPlanner.IdOf(job.Root)}{(matrix is null ? "" : "-${{ strategy.job-index }}")}"),
                new("path", "artifacts/report/"),
                new("if-no-files-found", "ignore"),
            ]);
        return upload with { If = "always()", Id = RunReportStepId };
    }

    /// <summary>
    /// A link straight to the report's artifact on the run's summary page: the engine, which ran
    /// before the upload, can only point at the artifacts list. The URL reaches the script through
    /// the environment, never spliced into it. Bash runs on every hosted runner, Windows too.
    /// </summary>
    private static StepModel RunReportLink()
    {
        const string url = $"steps.{RunReportStepId}.outputs.artifact-url";
        var link = StepModel.Command(
            "Link the run report",
            "echo \"📄 [Run report]($REPORT_URL): timeline, critical path, tests, findings.\" >> \"$GITHUB_STEP_SUMMARY\"",
            [new("REPORT_URL", $"${{{{ {url} }}}}")]);
        return link with { If = $"always() && {url} != ''", Shell = "bash" };
    }

    /// <summary>The report upload's step id; a user step may not take it (see UserSteps).</summary>
    internal const string RunReportStepId = "pipeline-run-report";

    private IEnumerable<StepModel> Uploads(List<TargetDefinition> runs, TargetMatrix? matrix, IReadOnlyDictionary<string, UploadOptions> options)
    {
        // A matrix of include entries only has no axes: its cells differ by their fields. A matrix from
        // an output may hold objects, which make no name: its cells are told apart by their index.
        var varying = matrix is null ? [] : matrix.Axes.Count > 0 ? matrix.Axes.Select(a => a.Name) : matrix.Fields;
        var suffix = matrix?.Source is not null
            ? "-${{ strategy.job-index }}"
            : string.Concat(varying.Select(name => $"-${{{{ matrix.{name} }}}}"));
        foreach (var artifact in runs.SelectMany(t => t.Produces).DistinctBy(a => a.Name))
        {
            List<KeyValuePair<string, string>> with =
            [
                new("name", artifact.Name + suffix),
                new("path", string.Join('\n', artifact.Paths)),
                new("if-no-files-found", artifact.EvenOnFailure ? "warn" : "error"),
            ];
            var chosen = options.GetValueOrDefault(artifact.Name) ?? (artifact.Family is { } family ? options.GetValueOrDefault(family) : null);
            if ((chosen?.RetentionDays ?? artifact.RetentionDays) is { } days)
            {
                with.Add(new("retention-days", days.ToString(System.Globalization.CultureInfo.InvariantCulture)));
            }

            if (chosen?.Overwrite is { } overwrite)
            {
                with.Add(new("overwrite", overwrite ? "true" : "false"));
            }

            var step = StepModel.Action($"Upload {artifact.Name}", Action(DefaultActions.UploadArtifact), with);
            var producer = runs.First(t => t.Produces.Any(a => a.Name == artifact.Name)).Name;
            var skippable = SkippedInsideItsJob(producer, job) is { } when ? GitHubExpression.AsOperandOfAnd(when, names) : null;
            yield return (artifact.EvenOnFailure, skippable) switch
            {
                (true, null) => step with { If = "always()" },
                (true, { } only) => step with { If = $"always() && {only}" },
                (false, { } only) => step with { If = only },
                _ => step,
            };
        }
    }

    /// <summary>
    /// Where downloaded files land so they sit where the producer wrote them: the upload keeps
    /// paths relative to the deepest folder common to its paths (a path without wildcards is a folder).
    /// </summary>
    internal static string DownloadPath(Artifact artifact)
    {
        var folders = artifact.Paths
            .Select(p => p.Replace('\\', '/').TrimEnd('/').Split('/').TakeWhile(s => s.IndexOfAny(['*', '?', '[']) < 0).ToList())
            .ToList();
        var common = folders.Aggregate((a, b) => [.. a.Zip(b).TakeWhile(x => x.First == x.Second).Select(x => x.First)]);
        return common.Count == 0 ? "." : string.Join('/', common);
    }

    private ActionReference Action(string action) => DefaultActions.Reference(action, workflow);

    private static IEnumerable<KeyValuePair<string, string>> VersionFile(string input, Toolchain toolchain) =>
        toolchain.VersionFile is { } file ? [new(input, file)] : [];
}
