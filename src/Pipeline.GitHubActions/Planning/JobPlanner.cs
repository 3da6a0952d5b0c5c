using System.Buffers;
using Pipeline.Planning;

namespace Pipeline.GitHubActions;

/// <summary>One <see cref="JobModel"/> per declared job: its needs and condition, settings, env and steps.</summary>
internal sealed partial class JobPlanner(
    WorkflowDeclaration workflow,
    TargetGraph graph,
    IReadOnlyList<JobTargets> split,
    WorkflowDispatchModel? dispatch,
    Problems problems)
{
    private static readonly string[] DefaultRunsOn = ["ubuntu-latest"];

    /// <summary>What upload-artifact rejects in an artifact name.</summary>
    private static readonly SearchValues<char> ArtifactNameForbidden = SearchValues.Create("\":<>|*?\r\n\\/");

    public static string IdOf(string target) => ParameterNames.ToKebabCase(target);

    public JobModel Plan(JobDeclaration job, JobTargets targets)
    {
        if (job.Call is { } call)
        {
            return PlanCall(job, call, targets);
        }

        var root = graph[targets.Root];
        var runs = targets.Runs.Select(t => graph[t]).ToList();
        var names = new WorkflowNames(graph, split, dispatch, problems, $"the job {root.Name}", targets);
        CheckSettings(job, root);

        var secrets = new List<string>();
        var services = Services(root, runs);
        CheckLiterals(job, root, runs, services);
        CheckMatrixArtifactNames(root, runs);
        CheckMatrix(root, runs, targets);
        CheckJobLevelContexts(root, targets);
        CheckTriggeringRunDownloads(job, root);
        var env = WithOutputsAndCells([.. StepEnv(root, runs, services, secrets, job.Surface), .. ConditionContexts(runs, targets, names), .. RunResults(runs, targets)], root, runs, targets);
        env = WithBuildStepEnv(env, job, root, names);
        var runsOn = (job.RunsOnExpression is { } typed ? [typed.Render(names)] : job.RunsOn) ?? MatrixRunsOn(root) ?? workflow.RunsOn ?? DefaultRunsOn;
        var jobSteps = new JobSteps(workflow, graph, split, targets, problems, names);
        var steps = jobSteps.Plan(runs, root.Matrix, job, env, runsOn);
        var outputs = JobOutputs(runs).Concat(OutcomesOutput(targets)).ToList();

        var model = new JobModel(
            IdOf(root.Name),
            root.Name,
            root.Name,
            targets.Runs,
            targets.Skips,
            [.. WithOutputProducers(Needs(targets), runs, targets).Select(IdOf)],
            GatedOnEmptyMatrix(If(root, targets, names), root, targets),
            runsOn,
            WholeMinutes(job.Timeout ?? workflow.Timeout),
            job.EnvironmentUrl is { } url && job.Environment is { } environment ? environment with { Url = url.Render(names) } : job.Environment,
            TargetCiSteps.Permissions(workflow, job, runs, problems, root.Name),
            root.WarningOnly,
            root.Matrix,
            [.. services.Select(WithSecretReferences)],
            secrets,
            outputs.Count == 0 ? steps : WithBuildStepId(steps))
        {
            Outputs = outputs,
            MatrixFrom = MatrixFrom(root, targets),
        };
        return WithSurface(model, job, root, runs, services, jobSteps, names);
    }

    /// <summary>
    /// The job's CI-only surface (<see cref="JobSpec"/>'s display name, env, concurrency, container,
    /// shell, service settings, raw keys), the secrets its own steps read, and the jobs whose
    /// results its conditional downloads name.
    /// </summary>
    private JobModel WithSurface(
        JobModel model, JobDeclaration job, TargetDefinition root, List<TargetDefinition> runs, List<ServiceContainer> services, JobSteps steps, WorkflowNames names)
    {
        var settings = new JobSurfacePlanner(problems, names).Plan(job, root, runs, services);
        var needs = model.Needs.Concat(steps.NeedsForConditions.Concat(names.Needed).Select(IdOf)).Distinct().ToList();
        return model with
        {
            Name = settings.DisplayName ?? model.Name,
            Needs = needs,
            Secrets = [.. model.Secrets.Union(steps.Secrets).Order(StringComparer.Ordinal)],
            Settings = settings,
        };
    }

    /// <summary><c>timeout-minutes</c>: whole minutes, rounded up (the builders accept only positive timeouts).</summary>
    internal static int? WholeMinutes(TimeSpan? timeout) => timeout is { Ticks: var ticks }
        ? (int)((ticks / TimeSpan.TicksPerMinute) + (ticks % TimeSpan.TicksPerMinute == 0 ? 0 : 1))
        : null;

    /// <summary>An artifact name is unique in a run: two jobs uploading one would collide.</summary>
    public void CheckArtifactsUploadedOnce(IReadOnlyList<JobModel> jobs)
    {
        var uploads = jobs.SelectMany(j => j.Runs.SelectMany(t => graph[t].Produces).Distinct().Select(a => (Job: j.Id, Artifact: a.Name)));
        foreach (var twice in uploads.GroupBy(u => u.Artifact).Where(g => g.Count() > 1))
        {
            var producers = jobs.Where(j => twice.Any(u => u.Job == j.Id))
                .SelectMany(j => j.Runs.Where(t => graph[t].Produces.Any(a => a.Name == twice.Key))).Distinct().ToList();
            problems.Add(producers.Count == 1
                ? $"the artifact {twice.Key} would be uploaded by the jobs {string.Join(" and ", twice.Select(u => u.Job))}, " +
                    $"which both run {producers[0]}. Give {producers[0]} a job of its own, so it runs once."
                : $"the jobs {string.Join(" and ", twice.Select(u => u.Job))} would both upload the artifact {twice.Key}, " +
                    $"which {string.Join(" and ", producers)} produce; an artifact name is unique in a run: give each its own artifact.");
        }
    }

    /// <summary>
    /// The jobs it needs: the direct ones, and, when it only waits for some (After), also every job
    /// whose failure must stop it, so its <c>if:</c> can name their results.
    /// </summary>
    private IEnumerable<string> Needs(JobTargets targets) =>
        NamesBlockingJobs(targets)
            ? split.Select(j => j.Root).Where(r => targets.WaitsFor.Contains(r) || targets.BlockedBy.Contains(r))
            : targets.WaitsFor;

    /// <summary>
    /// Whether GitHub's default (every needed job succeeded) would be wrong: this job, or one before
    /// it, runs after a job whose failure does not stop it. Then the condition names the jobs whose
    /// failure must stop this one.
    /// </summary>
    private bool NamesBlockingJobs(JobTargets targets) =>
        targets.WaitsWithoutDepending || split.Any(j => targets.Upstream.Contains(j.Root) && j.WaitsWithoutDepending);

    /// <summary>
    /// The condition the job itself carries. One meaning, locally and in CI: a condition on a target
    /// skips that target, never the targets it depends on. So a job carries its root's condition
    /// only when the root is all it runs, or when the condition reads how earlier jobs ended (decided
    /// when the job would start); otherwise the job runs, and the engine in it — reading the same
    /// <c>GITHUB_EVENT_NAME</c> and <c>GITHUB_REF</c> the <c>if:</c> would — skips the root alone, as
    /// <c>./build.sh</c> does on a laptop.
    /// </summary>
    internal static Condition? JobCondition(TargetDefinition root, JobTargets targets)
    {
        var when = root.AssuredAfterFailure ? (root.When is null ? Condition.Always : Condition.Always & root.When) : root.When;
        return when is null || when.DependsOnStatus || targets.Runs.All(t => t == root.Name) ? when : null;
    }

    /// <summary>Whether GitHub may skip the job by its own <c>if:</c> (an always-running job is never skipped).</summary>
    internal static bool MaySkipJob(TargetDefinition root, JobTargets targets) =>
        JobCondition(root, targets) is { } when && when != Condition.Always;

    /// <summary>
    /// The job's condition (see <see cref="JobCondition"/>), as GitHub reads it. When a job before it
    /// may be skipped by its own condition, GitHub would skip this one too; locally a skipped
    /// dependency does not block, so the job says "unless something failed or was canceled" instead
    /// (<c>failure()</c> at job level is true when any job before it failed, directly or not: a job
    /// skipped because its own dependency failed still stops this one, as locally). When it only
    /// waits for a job (After), that job's failure must not stop it either: it runs unless a job it
    /// depends on failed.
    /// </summary>
    private string? If(TargetDefinition root, JobTargets targets, IExpressionNames names)
    {
        var when = JobCondition(root, targets);
        if (NamesBlockingJobs(targets) && when is not { DependsOnStatus: true })
        {
            var needs = Needs(targets).ToList();
            var unlessADependencyFailed = needs.All(targets.BlockedBy.Contains)
                ? "!cancelled() && !contains(needs.*.result, 'failure')" // every job it needs must not have failed
                : "!cancelled()" + string.Concat(needs.Where(targets.BlockedBy.Contains).Select(b => $" && needs.{IdOf(b)}.result != 'failure'"));
            return when is null ? unlessADependencyFailed : $"{unlessADependencyFailed} && {GitHubExpression.AsOperandOfAnd(when, names)}";
        }

        var upstreamMaySkip = split.Any(j => targets.Upstream.Contains(j.Root) && MaySkipJob(graph[j.Root], j));
        const string NothingFailed = "!cancelled() && !failure()";
        return when switch
        {
            null => upstreamMaySkip ? NothingFailed : null,
            { DependsOnStatus: true } => GitHubExpression.Of(when, names),
            _ => upstreamMaySkip ? $"{NothingFailed} && {GitHubExpression.AsOperandOfAnd(when, names)}" : GitHubExpression.Of(when, names),
        };
    }

    /// <summary>
    /// The build step's <c>env:</c> ("environment", in this generator, is only ever a deployment
    /// environment): each matrix value; the secrets the job's targets read (<c>Requires</c>/<c>Uses</c>),
    /// and nothing else secret; the workflow's inputs — to the jobs whose targets read them, or to
    /// every job when no target declares reading one; a parameter marked as a configuration variable,
    /// from <c>vars</c>. Other parameters come from where they come
    /// locally: <c>.nuke/parameters.json</c> and defaults. (An input is "" on other events, and the
    /// engine reads "" as unset.) And the variables the job's service containers expose, with the
    /// ports the job publishes, as a local run has them.
    /// </summary>
    private List<KeyValuePair<string, string>> StepEnv(
        TargetDefinition root, List<TargetDefinition> runs, List<ServiceContainer> services, List<string> secrets, JobSurface surface)
    {
        var env = new List<KeyValuePair<string, string>>();
        foreach (var axis in root.Matrix?.Axes ?? [])
        {
            env.Add(new(TargetMatrix.VariableOf(axis.Name), $"${{{{ matrix.{axis.Name} }}}}"));
        }

        foreach (var parameter in runs.SelectMany(t => t.Parameters).Where(p => p.IsSecret).DistinctBy(p => p.EnvironmentName))
        {
            secrets.Add(workflow.SecretNames.GetValueOrDefault(parameter) ?? parameter.EnvironmentName);
            env.Add(new(parameter.EnvironmentName, SecretReference(parameter)));
        }

        env.AddRange(RepositoryVariables.EnvOf(runs, dispatch));
        foreach (var input in dispatch?.Inputs ?? [])
        {
            var readers = graph.Targets.Where(t => t.Parameters.Contains(input.Parameter)).ToList();
            if ((readers.Count == 0 || runs.Any(readers.Contains)) && !input.Parameter.IsSecret)
            {
                env.Add(new(input.Parameter.EnvironmentName, $"${{{{ inputs.{input.Id} }}}}"));
            }
        }

        foreach (var service in services)
        {
            var settings = surface.Services.GetValueOrDefault(service.Name) ?? ServiceSettings.Default;
            foreach (var variable in service.Variables)
            {
                if (env.Any(e => e.Key == variable.Name))
                {
                    problems.Add($"the job {root.Name} would set {variable.Name} twice: the service container '{service.Name}' exposes it, and so does a parameter, matrix axis or another service.");
                    continue;
                }

                env.Add(new(variable.Name, ServicePorts.Resolve(service, variable.Value, settings, SecretReference)));
            }
        }

        secrets.Sort(StringComparer.Ordinal);
        return [.. env.OrderBy(e => e.Key, StringComparer.Ordinal)];
    }

    private string SecretReference(IParameter secret) =>
        $"${{{{ secrets.{workflow.SecretNames.GetValueOrDefault(secret) ?? secret.EnvironmentName} }}}}";

    /// <summary>The service as the YAML shows it: container variables from secrets become secret references.</summary>
    private ServiceContainer WithSecretReferences(ServiceContainer service)
    {
        var env = new SortedDictionary<string, string>(service.Environment.ToDictionary(), StringComparer.Ordinal);
        foreach (var (name, secret) in service.SecretEnvironment)
        {
            env[name] = SecretReference(secret);
        }

        return service with { Environment = env, SecretEnvironment = new SortedDictionary<string, Parameter<string>>(StringComparer.Ordinal) };
    }

    private List<ServiceContainer> Services(TargetDefinition root, List<TargetDefinition> runs)
    {
        var services = runs.SelectMany(t => t.ServiceContainers).Distinct().ToList();
        foreach (var clash in services.GroupBy(s => s.Name).Where(g => g.Count() > 1))
        {
            problems.Add($"the job {root.Name} runs targets that declare different service containers named '{clash.Key}'.");
        }

        foreach (var service in services.Where(s => s.Name.Length == 0 || !s.Name.All(c => char.IsAsciiLetterOrDigit(c) || c is '-' or '_')))
        {
            problems.Add($"the service container name '{service.Name}' must be letters, digits, '-' and '_'.");
        }

        foreach (var service in services.Where(s => string.IsNullOrWhiteSpace(s.Image)))
        {
            problems.Add($"the service container '{service.Name}' has no image.");
        }

        return services;
    }

    private void CheckSettings(JobDeclaration job, TargetDefinition root)
    {
        if (job.RunsOn is { } labels && (labels.Count == 0 || labels.Any(string.IsNullOrWhiteSpace)))
        {
            problems.Add($"the job {root.Name} has an empty runs-on label.");
        }

        if (job.Environment?.Name is { } environment && (environment.Trim().Length == 0 || environment.Contains('\n', StringComparison.Ordinal)))
        {
            problems.Add($"the job {root.Name} has an empty environment name.");
        }

        if (job.Environment?.Url is { } url && !Literals.HasExpression(url) && !Uri.TryCreate(url, UriKind.Absolute, out _))
        {
            problems.Add($"the environment URL of {root.Name} is not an absolute URL: '{url}'.");
        }

        if (job.FetchDepth is < 0)
        {
            problems.Add($"the job {root.Name} has a negative fetch depth.");
        }
    }

    /// <summary>
    /// A matrix job's uploads are named <c>{artifact}-{value}…</c>, one per cell, and upload-artifact
    /// rejects some characters in a name. Refused rather than replaced: two values could become one
    /// name, and the name would no longer say which cell made it.
    /// </summary>
    private void CheckMatrixArtifactNames(TargetDefinition root, List<TargetDefinition> runs)
    {
        var artifact = runs.SelectMany(t => t.Produces).FirstOrDefault();
        if (artifact is null || root.Matrix is null)
        {
            return;
        }

        foreach (var axis in root.Matrix.Axes)
        {
            foreach (var value in axis.Values.Where(v => v.AsSpan().ContainsAny(ArtifactNameForbidden)))
            {
                var shown = value.Replace("\r", "\\r", StringComparison.Ordinal).Replace("\n", "\\n", StringComparison.Ordinal);
                problems.Add($"the job {root.Name}: the value '{shown}' of its matrix axis {axis.Name} would be part of the name of the artifact {artifact.Name}, " +
                    "and artifact names cannot contain \" : < > | * ? \\ / or a line break. Change the value.");
            }
        }
    }

    /// <summary>
    /// Every value the job's targets and settings declare is literal (see <see cref="Literals"/>):
    /// runs-on, environment, matrix values, artifacts, toolchains, and the service containers.
    /// </summary>
    private void CheckLiterals(JobDeclaration job, TargetDefinition root, List<TargetDefinition> runs, List<ServiceContainer> services)
    {
        var owner = $"the job {root.Name}";
        Literals.Check(problems, owner, "its runs-on label", job.RunsOn);
        Literals.Check(problems, owner, "its environment name", job.Environment?.Name);
        SecretsGuard.Check(problems, $"{owner}: its environment URL", job.Environment?.Url); // an expression is allowed: the URL often comes from a step
        foreach (var axis in root.Matrix?.Axes ?? [])
        {
            Literals.Check(problems, owner, $"a value of its matrix axis {axis.Name}", axis.Values);
        }

        foreach (var target in runs)
        {
            foreach (var artifact in target.Produces.Concat(target.Consumes))
            {
                Literals.Check(problems, owner, $"the name of the artifact {artifact.Name} ({target.Name})", artifact.Name);
                Literals.Check(problems, owner, $"a path of the artifact {artifact.Name} ({target.Name})", artifact.Paths);
            }

            foreach (var toolchain in target.Toolchains)
            {
                Literals.Check(problems, owner, $"the version file of the toolchain {toolchain.Name} ({target.Name})", toolchain.VersionFile);
                Literals.Check(problems, owner, $"a cache path of the toolchain {toolchain.Name} ({target.Name})", toolchain.CachePaths);
                Literals.Check(problems, owner, $"a lock file of the toolchain {toolchain.Name} ({target.Name})", toolchain.LockFiles);
            }
        }

        foreach (var service in services)
        {
            var where = $"the service container '{service.Name}'";
            Literals.Check(problems, owner, $"the image of {where}", service.Image);
            foreach (var (name, value) in service.Environment)
            {
                Literals.Check(problems, owner, $"the value of {name} in {where}", value);
            }

            Literals.Check(problems, owner, $"the health command of {where} (its options:)", service.HealthCheck?.Command);
            foreach (var variable in service.Variables)
            {
                Literals.Check(problems, owner, $"the variable {variable.Name} that {where} exposes", string.Concat(variable.Value.Parts.Select(p => p is ServiceTemplate.TextPart text ? text.Text : " ")));
            }
        }
    }
}
