using System.Text.RegularExpressions;
using Pipeline.Planning;

namespace Pipeline.GitHubActions;

/// <summary>
/// Reusable workflows: a callable workflow's <c>workflow_call</c> interface, and the jobs that call
/// one. What GitHub would only find when the run starts — an unknown or missing input, a value of
/// the wrong type, a secret the callee reads that no caller passes, too deep a nesting, too many
/// workflows, <c>env</c> in <c>with:</c> — is a generation error here.
/// </summary>
internal static partial class ReusableWorkflows
{
    /// <summary>GitHub.com connects at most ten levels: the top-level caller and nine levels of reusable workflows.</summary>
    public const int MaxLevels = 10;

    /// <summary>GitHub.com runs at most 50 unique reusable workflows from one top-level workflow, nested ones included.</summary>
    public const int MaxUnique = 50;

    private static readonly string[] DefaultRunsOn = ["ubuntu-latest"];

    /// <summary>The inputs of <c>workflow_call</c>: each non-secret parameter as a workflow_dispatch input would be, in the types a call accepts.</summary>
    public static IReadOnlyList<DispatchInput> CallInputs(WorkflowDeclaration workflow, Problems problems) =>
        workflow.Surface.Call is { } call
            ? [.. call.Inputs.Where(p => !p.IsSecret).Select(p => DispatchInputs.Of(p, null, problems) is var input && input.Type is DispatchInputType.Choice or DispatchInputType.Environment
                ? input with { Type = DispatchInputType.Text, Options = [] } // a call has no choice: the value is the enum's name
                : input)]
            : [];

    /// <summary>The inputs the workflow's jobs read (<c>inputs.&lt;id&gt;</c>): workflow_dispatch's and workflow_call's, once per parameter.</summary>
    public static WorkflowDispatchModel? InputsRead(WorkflowDispatchModel? dispatch, IReadOnlyList<DispatchInput> callInputs) =>
        callInputs.Count == 0
            ? dispatch
            : new WorkflowDispatchModel([.. dispatch?.Inputs ?? [], .. callInputs.Where(i => dispatch?.Inputs.All(d => d.Parameter != i.Parameter) ?? true)]);

    /// <summary>
    /// The <c>workflow_call</c> trigger once the jobs are planned: its secrets are the secret
    /// parameters it declares and every secret its jobs read; each output is read from the job that produces it.
    /// </summary>
    public static WorkflowCallModel? Trigger(WorkflowDeclaration workflow, IReadOnlyList<DispatchInput> inputs, IReadOnlyList<JobModel> jobs, Problems problems)
    {
        if (workflow.Surface.Call is not { } call)
        {
            return null;
        }

        var secrets = call.Inputs.Where(p => p.IsSecret).Select(p => SecretName(workflow, p)).Union(jobs.SelectMany(j => j.Secrets)).Order(StringComparer.Ordinal).ToList();
        var outputs = new List<CallOutputModel>();
        foreach (var output in call.Outputs)
        {
            var producer = jobs.FirstOrDefault(j => j.Outputs.Any(o => o.Key == output.Id));
            if (producer is null)
            {
                problems.Add($"its workflow_call output {output.Name} is produced by no job of it: add a job for the target that produces {output.Name}.");
                continue;
            }

            outputs.Add(new CallOutputModel(output.Id, output.Description, $"${{{{ jobs.{producer.Id}.outputs.{output.Id} }}}}"));
        }

        return new WorkflowCallModel(inputs, secrets, outputs);
    }

    /// <summary>The repository secret a secret parameter is read from in a workflow.</summary>
    public static string SecretName(WorkflowDeclaration workflow, IParameter secret) => workflow.SecretNames.GetValueOrDefault(secret) ?? secret.EnvironmentName;

    /// <summary>Nesting and the number of workflows, counted down every chain of local callees; a cycle is refused.</summary>
    public static void CheckTree(WorkflowDeclaration workflow, Problems problems)
    {
        var unique = new HashSet<string>(StringComparer.Ordinal);
        var levels = Levels(workflow, [workflow.Source], unique, problems);
        if (levels > MaxLevels)
        {
            problems.Add($"it nests reusable workflows {levels} levels deep, counting itself; GitHub runs at most {MaxLevels}: call some of them side by side instead of one from another.");
        }

        if (unique.Count > MaxUnique)
        {
            problems.Add($"it calls {unique.Count} unique reusable workflows, nested ones included; GitHub runs at most {MaxUnique} from one workflow: split it into several workflows.");
        }
    }

    /// <summary>The calls declared by id (table rows), each needing the jobs its expressions and <c>After</c> name.</summary>
    public static IEnumerable<JobModel> PlanRows(
        WorkflowDeclaration workflow, TargetGraph graph, IReadOnlyList<JobTargets> split, WorkflowDispatchModel? inputs, IReadOnlyList<JobModel> jobs, Problems problems)
    {
        var roots = split.Select(j => j.Root).ToHashSet(StringComparer.Ordinal);
        var taken = jobs.Select(j => j.Id).ToHashSet(StringComparer.Ordinal);
        foreach (var row in workflow.Surface.Calls)
        {
            if (!Identifiers.IsJobId(row.Id))
            {
                problems.Add($"the call id '{row.Id}' is not a job id GitHub accepts: ASCII letters, digits, '-' and '_', starting with a letter or '_'.");
            }
            else if (!taken.Add(row.Id))
            {
                problems.Add($"two jobs have the id '{row.Id}': give each row of the table its own id.");
            }

            // A row runs no target, so it may read every target job; reading one makes it a need.
            var reader = new JobTargets(row.Id, [], [], [], roots, roots);
            var names = new WorkflowNames(graph, split, inputs, problems, $"the job {row.Id}", reader);
            var (call, _, secrets) = Plan(row.Call, row.Id, workflow, graph, names, problems);
            var condition = row.Call.If is { } when ? GitHubExpression.Of(when, names) : null;
            foreach (var after in row.Call.After)
            {
                _ = names.JobOf(after);
            }

            yield return new JobModel(
                row.Id, row.Call.DisplayName ?? row.Id, row.Id, [], [],
                [.. split.Select(j => j.Root).Where(names.Needed.Contains).Select(JobPlanner.IdOf)],
                condition, [], null, null,
                row.Call.Permissions is { } grants ? WorkflowPlanner.Permissions(grants) : null,
                false, null, [], secrets, [])
            {
                Call = call,
            };
        }
    }

    /// <summary>The required check: needs every other job, runs whatever happened, fails when one failed or was cancelled.</summary>
    public static JobModel? Aggregator(WorkflowDeclaration workflow, IReadOnlyList<JobModel> jobs, Problems problems)
    {
        if (workflow.Surface.Aggregator is not { } aggregator)
        {
            return null;
        }

        if (!Identifiers.IsJobId(aggregator.Id) || jobs.Any(j => j.Id == aggregator.Id))
        {
            problems.Add($"the aggregator's id '{aggregator.Id}' is taken by another job or is not a job id GitHub accepts: choose another in .Aggregate(id).");
        }

        // Skipped jobs count as passed: a component that did not change is not a failure.
        var command = StepModel.Command(
            "Fail when a needed job failed or was cancelled",
            "if [ \"$ALL_PASSED\" != true ]; then\n  echo \"::error::A job this check needs failed or was cancelled.\"\n  exit 1\nfi\n",
            [new("ALL_PASSED", "${{ !contains(needs.*.result, 'failure') && !contains(needs.*.result, 'cancelled') }}")]);
        var check = command with { Shell = "bash" };
        return new JobModel(
            aggregator.Id, aggregator.Name ?? aggregator.Id, aggregator.Id, [], [],
            [.. jobs.Select(j => j.Id)], "always()", workflow.RunsOn ?? DefaultRunsOn,
            JobPlanner.WholeMinutes(workflow.Timeout), null, null, false, null, [], [], [check]);
    }

    /// <summary>
    /// The <c>uses:</c>, <c>with:</c> and <c>secrets:</c> of a call, checked against the callee's
    /// interface when the callee is a workflow of this pipeline; also that interface, and the
    /// caller's secrets the call reads.
    /// </summary>
    public static (CallModel Call, WorkflowCallModel? Callee, List<string> Secrets) Plan(
        CallDeclaration call, string job, WorkflowDeclaration caller, TargetGraph graph, IExpressionNames names, Problems problems)
    {
        var (uses, comment, callee, calleeDeclaration) = Callee(call.Callee, job, graph, problems);
        var with = With(call, job, callee, names, problems);
        var (secrets, read) = Secrets(call, job, caller, callee, calleeDeclaration, problems);
        return (new CallModel(uses, comment, with, secrets, call.Inherit, call.Matrix), callee, read);
    }

    private static (string Uses, string? Comment, WorkflowCallModel? Interface, WorkflowDeclaration? Declaration) Callee(
        CallCallee callee, string job, TargetGraph graph, Problems problems)
    {
        if (callee.Local is { } type)
        {
            var declaration = Declare(type);
            if (declaration.Surface.Call is null)
            {
                problems.Add($"the job {job} calls {type.Name}, which cannot be called: add .OnWorkflowCall(…) to {type.Name}.");
                return ($"./{declaration.Path}", null, null, declaration);
            }

            return ($"./{declaration.Path}", null, WorkflowPlanner.Plan(declaration, graph).On.Call, declaration);
        }

        var remote = callee.Remote ?? "";
        var match = RemoteWorkflow().Match(remote);
        if (!match.Success)
        {
            problems.Add($"the job {job} calls '{remote}', which is not owner/repo/.github/workflows/<file>.yml@<ref>.");
        }
        else if (!Identifiers.IsCommitSha(match.Groups["ref"].Value) || string.IsNullOrWhiteSpace(callee.Tag))
        {
            problems.Add($"the job {job} calls {remote}, which is not pinned: reference it by full commit SHA with its tag, " +
                $".Call<…>(\"{match.Groups["path"].Value}@<40-hex SHA of {match.Groups["ref"].Value}>\", tag: \"{match.Groups["ref"].Value}\") (git ls-remote gives the SHA).");
        }

        return (remote, callee.Tag, null, null);
    }

    private static List<CallWith> With(CallDeclaration call, string job, WorkflowCallModel? callee, IExpressionNames names, Problems problems)
    {
        var with = new List<CallWith>();
        var callName = call.Callee.Describe;
        foreach (var value in call.With)
        {
            var input = callee?.Inputs.FirstOrDefault(i => value.Parameter is { } p ? i.Parameter == p : i.Id == value.Id);
            if (callee is not null && input is null)
            {
                problems.Add($"the job {job} passes the input {value.Describe} to {callName}, which has no such input (its inputs: {Listed(callee.Inputs.Select(i => i.Id))}).");
                continue;
            }

            var id = input?.Id ?? value.Id ?? ParameterNames.ToKebabCase(value.Parameter!.Name);
            if (input is not null && !Fits(value.Kind, input.Type))
            {
                problems.Add($"the job {job} passes a {KindName(value.Kind)} to the input {id} of {callName}, which is a {DispatchInputs.Name(input.Type)}: pass a {DispatchInputs.Name(input.Type)}.");
            }

            if (ReadsEnv(value.Value))
            {
                problems.Add($"the job {job} reads the env context in with: {id}, which GitHub does not provide to a job that calls a reusable workflow: pass the value itself, or read vars, inputs or needs.");
            }

            if (with.Any(w => w.Id == id))
            {
                problems.Add($"the job {job} passes the input {id} twice.");
                continue;
            }

            with.Add(new CallWith(id, value.Value.Render(names), value.Kind));
        }

        foreach (var missing in callee?.Inputs.Where(i => i.Required && with.All(w => w.Id != i.Id)) ?? [])
        {
            problems.Add($"the job {job} calls {callName} without its required input {missing.Id}: add .With({missing.Parameter.Name}, …).");
        }

        return with;
    }

    private static (List<KeyValuePair<string, string>> Passed, List<string> Read) Secrets(
        CallDeclaration call, string job, WorkflowDeclaration caller, WorkflowCallModel? callee, WorkflowDeclaration? calleeDeclaration, Problems problems)
    {
        var passed = new List<KeyValuePair<string, string>>();
        var read = new List<string>();
        foreach (var secret in call.Secrets)
        {
            var name = secret.Name ?? (calleeDeclaration is null ? secret.Callee!.EnvironmentName : SecretName(calleeDeclaration, secret.Callee!));
            if (!secret.From.IsSecret || secret.Callee is { IsSecret: false })
            {
                problems.Add($"the job {job} passes {secret.From.Name} as the secret {name}, but only secret parameters can be passed as secrets.");
                continue;
            }

            if (callee is not null && !callee.Secrets.Contains(name))
            {
                problems.Add($"the job {job} passes the secret {name} to {call.Callee.Describe}, which reads no such secret (it reads: {Listed(callee.Secrets)}).");
                continue;
            }

            var from = SecretName(caller, secret.From);
            read.Add(from);
            passed.Add(new(name, $"${{{{ secrets.{from} }}}}"));
        }

        foreach (var missing in call.Inherit ? [] : callee?.Secrets.Where(s => passed.All(p => p.Key != s)) ?? [])
        {
            problems.Add($"the job {job} calls {call.Callee.Describe}, whose jobs read the secret {missing}, but the call does not pass it: add .Secret(…) for it to the call.");
        }

        return (passed, [.. read.Distinct().Order(StringComparer.Ordinal)]);
    }

    /// <summary>The chain's depth below and including this workflow; every callee met is counted once.</summary>
    private static int Levels(WorkflowDeclaration workflow, List<Type> chain, HashSet<string> unique, Problems problems)
    {
        var deepest = 0;
        foreach (var callee in Calls(workflow).Select(c => c.Call.Callee))
        {
            if (callee.Local is not { } type)
            {
                unique.Add(callee.Remote ?? "");
                deepest = Math.Max(deepest, 1); // what a remote workflow calls in turn is not known here
                continue;
            }

            unique.Add(type.FullName ?? type.Name);
            if (chain.Contains(type))
            {
                problems.Add($"it calls {string.Join(" → ", chain.Append(type).Select(t => t.Name))}: a reusable workflow cannot call itself, directly or not.");
                continue;
            }

            deepest = Math.Max(deepest, Levels(Declare(type), [.. chain, type], unique, problems));
        }

        return 1 + deepest;
    }

    private static IEnumerable<(string Job, CallDeclaration Call)> Calls(WorkflowDeclaration workflow) =>
        [
            .. workflow.Jobs.Where(j => j.Call is not null).Select(j => (JobPlanner.IdOf(j.TargetType.Name), j.Call!)),
            .. workflow.Surface.Calls.Select(r => (r.Id, r.Call)),
        ];

    private static WorkflowDeclaration Declare(Type workflow) => ((Workflow)Activator.CreateInstance(workflow)!).Declare();

    private static bool Fits(CallValueKind kind, DispatchInputType type) => kind == CallValueKind.Any || type switch
    {
        DispatchInputType.Boolean => kind == CallValueKind.Boolean,
        DispatchInputType.Number => kind == CallValueKind.Number,
        _ => kind == CallValueKind.Text,
    };

    private static string KindName(CallValueKind kind) => kind switch
    {
        CallValueKind.Boolean => "boolean",
        CallValueKind.Number => "number",
        _ => "string",
    };

    /// <summary>An <c>env.</c> read, typed or inside a <c>${{ }}</c> of text.</summary>
    private static bool ReadsEnv(DeclaredText value) =>
        value.Typed is { } typed
            ? ExpressionTree.Nodes(typed.Node).Any(n => n is ContextNode { Context: "env" })
            : EnvInText().IsMatch(value.Text ?? "");

    private static string Listed(IEnumerable<string> names) => names.Any() ? string.Join(", ", names) : "none";

    [GeneratedRegex(@"^(?<path>[A-Za-z0-9_.-]+/[A-Za-z0-9_.-]+/\.github/workflows/[A-Za-z0-9_.-]+\.ya?ml)@(?<ref>[^@\s]+)$")]
    private static partial Regex RemoteWorkflow();

    [GeneratedRegex(@"\$\{\{[^}]*(?<![\w.])env\.")]
    private static partial Regex EnvInText();
}
