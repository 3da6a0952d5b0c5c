using System.Globalization;
using Pipeline.Planning;

namespace Pipeline.GitHubActions;

/// <summary>
/// Turns a workflow declaration and the target graph into a <see cref="WorkflowModel"/>, or fails
/// with every problem found (a <see cref="DefinitionException"/>) before anything is written.
/// </summary>
internal static class WorkflowPlanner
{
    public const string WorkflowsDirectory = ".github/workflows";

    public static WorkflowModel Plan(WorkflowDeclaration workflow, TargetGraph graph)
    {
        var problems = new Problems(workflow);
        var dispatch = workflow.Dispatch ? new WorkflowDispatchModel([.. workflow.DispatchInputs.Select(p => DispatchInputs.Of(p, workflow.Surface.DispatchChoices.GetValueOrDefault(p), problems))]) : null;
        var callInputs = ReusableWorkflows.CallInputs(workflow, problems);
        var inputs = ReusableWorkflows.InputsRead(dispatch, callInputs);
        CheckDeclaration(workflow, problems);
        DispatchInputs.Check(dispatch, problems);
        ReusableWorkflows.CheckTree(workflow, problems);

        var roots = new List<TargetDefinition>();
        foreach (var job in workflow.Jobs)
        {
            var target = graph.Targets.FirstOrDefault(t => t.TargetType == job.TargetType);
            if (target is null)
            {
                problems.Add($"it declares a job for {job.TargetType.Name}, which is not part of the pipeline. Add the target with .Add<{job.TargetType.Name}>().");
            }
            else if (roots.Contains(target))
            {
                problems.Add($"it declares two jobs for {target.Name}; a target has at most one job per workflow.");
            }
            else if (!Identifiers.IsJobId(JobPlanner.IdOf(target.Name)))
            {
                // Refused, not transliterated: the id is how other jobs' needs and the run's page name
                // the job, and a made-up spelling could collide with another target's.
                problems.Add($"the job for {target.Name} would have the id '{JobPlanner.IdOf(target.Name)}', which GitHub rejects: " +
                    "a job id is ASCII letters, digits, '-' and '_', starting with a letter or '_'. Rename the target class.");
            }
            else
            {
                roots.Add(target);
            }
        }

        foreach (var clash in roots.GroupBy(r => JobPlanner.IdOf(r.Name)).Where(g => g.Count() > 1))
        {
            problems.Add($"the jobs for {string.Join(" and ", clash.Select(r => r.Name))} would have the same id '{clash.Key}'. Rename one of the target classes.");
        }

        problems.ThrowIfAny();

        var split = JobOwnership.Split(graph, [.. roots.Select(r => r.Name)], workflow.Name);
        IReadOnlyList<PermissionGrant> permissions = workflow.Permissions is { } grants
            ? Permissions(grants)
            : [Permission.Contents.Read]; // least privilege unless the workflow says otherwise
        var names = new WorkflowNames(graph, split, inputs, problems, "the workflow", reader: null);
        var env = workflow.Env.Select(e => KeyValuePair.Create(e.Key, e.Value.Render(names))).ToList();
        var jobs = new JobPlanner(workflow, graph, split, inputs, problems);
        var models = workflow.Jobs.Select((job, i) => jobs.Plan(job, split[i])).ToList();
        models.AddRange(ReusableWorkflows.PlanRows(workflow, graph, split, inputs, models, problems));
        models.AddRange(ReusableWorkflows.Aggregator(workflow, models, problems) is { } aggregator ? [aggregator] : []);
        jobs.CheckArtifactsUploadedOnce(models);
        var call = ReusableWorkflows.Trigger(workflow, callInputs, models, problems);
        problems.ThrowIfAny();

        var publishes = PublishingWorkflow.Reason(workflow, graph, split);
        var model = ImagePins.Apply(new WorkflowModel(
            workflow.Source,
            workflow.Path,
            workflow.Name,
            new WorkflowTriggers(workflow.Push, workflow.PullRequest, workflow.Schedules, dispatch) { Others = workflow.Surface, Call = call },
            Concurrency(workflow, names),
            workflow.Surface.AllPermissions is null ? permissions : [],
            env,
            models)
        {
            AllPermissions = workflow.Surface.AllPermissions,
            Raw = workflow.Surface.Raw,
            Notes = publishes is { } publishing ? [PublishingWorkflow.Note(publishing)] : [],
        }, workflow.Lock);
        var warnings = SecurityRules.Check(new SecurityScope(workflow, model, publishes), problems);
        problems.ThrowIfAny();
        return model with { Warnings = warnings };
    }

    /// <summary>
    /// A <c>permissions:</c> block as declared, for the workflow or a job alike: a permission listed
    /// twice keeps its last access; sorted by name so the file does not change with the order written.
    /// </summary>
    internal static IReadOnlyList<PermissionGrant> Permissions(IEnumerable<PermissionGrant> grants) =>
        [.. grants.GroupBy(g => g.Permission).Select(g => g.Last()).OrderBy(g => g.Permission.Name, StringComparer.Ordinal)];

    private static void CheckDeclaration(WorkflowDeclaration workflow, Problems problems)
    {
        if (workflow.Push is null && workflow.PullRequest is null && workflow.Schedules.Count == 0 && !workflow.Dispatch && !workflow.Surface.HasTrigger)
        {
            problems.Add("it has no trigger. Add OnPush, OnPullRequest, OnSchedule or OnWorkflowDispatch (or another On…).");
        }

        TriggerChecks.Check(workflow, problems);

        if (workflow.Jobs.Count == 0 && workflow.Surface.Calls.Count == 0)
        {
            problems.Add("it declares no job. Add one with .Job<TTarget>().");
        }

        if (workflow.FileName.Length == 0 || !workflow.FileName.All(c => char.IsAsciiLetterOrDigit(c) || c is '-' or '_' or '.'))
        {
            problems.Add($"its file name '{workflow.FileName}' must be letters, digits, '-', '_' or '.'.");
        }

        foreach (var cron in workflow.Schedules.Where(c => !Identifiers.IsCron(c)))
        {
            problems.Add($"the schedule '{cron}' is not a cron expression of five fields (minute hour day month weekday).");
        }

        if (Filters(workflow).Any(f => string.IsNullOrWhiteSpace(f.Value)))
        {
            problems.Add("a branch, tag or path filter of its triggers is empty.");
        }

        CheckFilters(workflow, problems);

        foreach (var pin in workflow.Pins.Values.Where(p => !Identifiers.IsCommitSha(p.CommitSha) || p.Tag.Length == 0))
        {
            problems.Add($"the pin of {pin.Action} needs a full 40-character lowercase commit SHA and the tag it stands for (got '{pin.CommitSha}', '{pin.Tag}').");
        }

        foreach (var (name, value) in workflow.Env.Select(e => (e.Key, e.Value.Text ?? "")))
        {
            if (!Identifiers.IsEnvName(name))
            {
                problems.Add($"the variable name '{name}' must be letters, digits and '_', not starting with a digit.");
            }

            if (value.Contains("secrets.", StringComparison.Ordinal))
            {
                problems.Add($"the variable {name} reads a secret; a secret reaches only the jobs whose targets use its parameter.");
            }
        }

        CheckLiterals(workflow, problems);

        foreach (var (parameter, secretName) in workflow.SecretNames)
        {
            if (!parameter.IsSecret)
            {
                problems.Add($"it maps {parameter.Name} to the secret '{secretName}', but {parameter.Name} is not a secret parameter.");
            }
            else if (!Identifiers.IsSecretName(secretName))
            {
                problems.Add($"the secret name '{secretName}' (for {parameter.Name}) is not a valid identifier: use letters, digits and '_', not starting with a digit or GITHUB_.");
            }
        }
    }

    /// <summary>Every workflow-level value a user declares is literal (see <see cref="Literals"/>).</summary>
    private static void CheckLiterals(WorkflowDeclaration workflow, Problems problems)
    {
        const string Owner = "the workflow";
        Literals.Check(problems, Owner, "its name", workflow.Name);
        Literals.Check(problems, Owner, "its concurrency group", workflow.ConcurrencyGroup?.Text);
        Literals.Check(problems, Owner, "its runs-on label", workflow.RunsOn);
        foreach (var (name, value) in workflow.Env)
        {
            // A typed expression is the user's choice of expression; only text is checked for one.
            Literals.Check(problems, Owner, $"the value of its env variable {name}", value.Text);
        }

        foreach (var pattern in Filters(workflow))
        {
            Literals.Check(problems, Owner, $"the {pattern.Kind} filter of its {pattern.Trigger} trigger", pattern.Value);
        }

        foreach (var input in workflow.DispatchInputs)
        {
            Literals.Check(problems, Owner, $"the description of the workflow_dispatch input {input.Name}", input.Description);
            Literals.Check(problems, Owner, $"the default of the workflow_dispatch input {input.Name}", Convert.ToString(input.DefaultValue, CultureInfo.InvariantCulture));
        }
    }

    /// <summary>
    /// Branch, tag and path filters as GitHub's filter syntax reads them: no whitespace, control
    /// character or ':' (a ref name cannot hold them, and YAML or the filter parser would read them
    /// otherwise), and a list of only negated ('!') patterns matches nothing.
    /// </summary>
    private static void CheckFilters(WorkflowDeclaration workflow, Problems problems)
    {
        foreach (var (trigger, kind, value) in Filters(workflow).Where(f => f.Value.Any(c => char.IsWhiteSpace(c) || char.IsControl(c) || c == ':')))
        {
            var shown = string.Concat(value.Select(c => char.IsControl(c) ? "\\u" + ((int)c).ToString("x4", CultureInfo.InvariantCulture) : new string(c, 1)));
            problems.Add($"the {kind} filter '{shown}' of its {trigger} trigger contains a space, a control character (a newline) or ':', which GitHub's filters do not accept.");
        }

        foreach (var negated in Filters(workflow).Where(f => !f.Kind.EndsWith("-ignore", StringComparison.Ordinal)).GroupBy(f => (f.Trigger, f.Kind)).Where(g => g.All(f => f.Value.StartsWith('!'))))
        {
            problems.Add($"the {negated.Key.Kind} filters of its {negated.Key.Trigger} trigger are all negated ('!'); GitHub needs one pattern without '!' for them to match anything.");
        }
    }

    private static IEnumerable<(string Trigger, string Kind, string Value)> Filters(WorkflowDeclaration workflow) =>
        [
            .. (workflow.Push?.Branches ?? []).Select(v => ("push", "branch", v)),
            .. (workflow.Push?.Tags ?? []).Select(v => ("push", "tag", v)),
            .. (workflow.Push?.Paths ?? []).Select(v => ("push", "path", v)),
            .. (workflow.PullRequest?.Branches ?? []).Select(v => ("pull_request", "branch", v)),
            .. (workflow.PullRequest?.Paths ?? []).Select(v => ("pull_request", "path", v)),
            .. TriggerChecks.Filters(workflow),
        ];

    private static ConcurrencyModel? Concurrency(WorkflowDeclaration workflow, IExpressionNames names) => workflow.Cancel switch
    {
        null => null,
        var cancel => new ConcurrencyModel(
            workflow.ConcurrencyGroup?.Render(names) ?? "${{ github.workflow }}-${{ github.ref }}",
            cancel switch
            {
                CancelInProgress.Always => "true",
                CancelInProgress.ForPullRequests => "${{ github.event_name == 'pull_request' }}",
                _ => null,
            }),
    };
}

/// <summary>Collects what is wrong with a declaration, so one run reports all of it.</summary>
internal sealed class Problems(WorkflowDeclaration workflow)
{
    private readonly List<string> _messages = [];

    public void Add(string message)
    {
        // One expression may be written in several places of a job (its if:, a variable of its build
        // step): what is wrong with it is reported once.
        if (!_messages.Contains(message))
        {
            _messages.Add(message);
        }
    }

    public void ThrowIfAny()
    {
        if (_messages.Count > 0)
        {
            throw new DefinitionException(
                $"Workflow {workflow.Source.Name} ({workflow.Path}) cannot be generated; nothing was written:\n" +
                string.Join("\n", _messages.Distinct().Select(m => "  - " + m)));
        }
    }
}
