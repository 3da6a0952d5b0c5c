namespace Pipeline.GitHubActions;

// A target's job that calls a reusable workflow: its needs, condition and matrix come from the
// target as for any job; uses, with and secrets from the call.
internal sealed partial class JobPlanner
{
    private JobModel PlanCall(JobDeclaration job, CallDeclaration call, JobTargets targets)
    {
        var root = graph[targets.Root];
        var runs = targets.Runs.Select(t => graph[t]).ToList();
        var names = new WorkflowNames(graph, split, dispatch, problems, $"the job {root.Name}", targets);
        var (model, callee, secrets) = ReusableWorkflows.Plan(call, root.Name, workflow, graph, names, problems);
        CheckCalleeOutputs(root, runs, call, callee);
        if (root.Matrix is not null && call.Matrix.Count > 0)
        {
            problems.Add($"the job {root.Name} has a matrix from its target and another from its call: declare one.");
        }

        var condition = If(root, targets, names);
        if (call.If is { } extra)
        {
            condition = condition is null ? GitHubExpression.Of(extra, names) : $"({condition}) && {GitHubExpression.AsOperandOfAnd(extra, names)}";
        }

        var needs = WithOutputProducers(Needs(targets), runs, targets).Concat(names.Needed).Distinct().Select(IdOf).ToList();
        var grants = call.Permissions ?? job.Permissions;
        return new JobModel(
            IdOf(root.Name), call.DisplayName ?? root.Name, root.Name, targets.Runs, targets.Skips, needs,
            GatedOnEmptyMatrix(condition, root, targets), [], null, null,
            grants is null ? null : WorkflowPlanner.Permissions(grants),
            false, root.Matrix, [], secrets, [])
        {
            Call = model,
            MatrixFrom = MatrixFrom(root, targets),
        };
    }

    /// <summary>What later jobs read from the call's targets must be outputs the local callee declares: they come from it.</summary>
    private void CheckCalleeOutputs(TargetDefinition root, List<TargetDefinition> runs, CallDeclaration call, WorkflowCallModel? callee)
    {
        if (callee is null)
        {
            return;
        }

        var read = runs.SelectMany(t => t.OutputsProduced).Distinct()
            .Where(o => split.Any(j => j.Root != root.Name && j.Runs.Any(t => graph[t].OutputsConsumed.Contains(o))));
        foreach (var output in read.Where(o => callee.Outputs.All(c => c.Id != o.Id)))
        {
            problems.Add($"the job {root.Name} calls {call.Callee.Describe}, which does not declare the output {output.Name} that later jobs read: add .WorkflowCallOutput({output.Name}) to {call.Callee.Describe}.");
        }
    }
}
