namespace Pipeline.GitHubActions;

// Typed conditions decided by the engine inside a job: what they read that the runner's own
// environment does not carry is handed to the build step, so the job decides as GitHub would.
internal sealed partial class JobPlanner
{
    /// <summary>
    /// For each typed condition of a target the job runs: the results of other jobs' targets,
    /// <c>vars</c>, <c>inputs</c> and <c>steps</c> as <c>PIPELINE_CONTEXT_*</c> (JSON), and outputs of
    /// other jobs as <c>PIPELINE_OUTPUT_*</c>. <c>github</c>, <c>runner</c> and <c>env</c> the engine reads itself.
    /// </summary>
    private IEnumerable<KeyValuePair<string, string>> ConditionContexts(List<TargetDefinition> runs, JobTargets targets, IExpressionNames names)
    {
        var read = runs.Select(t => t.When).OfType<Condition>().SelectMany(c => c.ExpressionNodes()).Distinct().ToList();
        foreach (var node in read)
        {
            switch (node)
            {
                case NeedsResultNode needs when !targets.Runs.Contains(graph.Targets.FirstOrDefault(t => t.TargetType == needs.Target)?.Name ?? ""):
                case ContextNode { Context: "vars" or "steps" }:
                case InputNode:
                    // Named by the path a local run shows (needs.Lint.result), which is where the engine looks.
                    yield return KeyValuePair.Create(
                        ContextVariables.NameOf(ExpressionText.Display(node)),
                        $"${{{{ {ExpressionText.Of(new CallNode("toJSON", [node]), names)} }}}}");
                    break;
                case NeedsOutputNode output when graph.Targets.FirstOrDefault(t => t.OutputsProduced.Contains(output.Output)) is { } producer
                    && !targets.Runs.Contains(producer.Name):
                    yield return KeyValuePair.Create(output.Output.EnvironmentName, $"${{{{ {ExpressionText.Of(node, names)} }}}}");
                    break;
            }
        }
    }

    /// <summary>GitHub decides a job's <c>if:</c> before the job has a runner: it can read github, needs, vars and inputs only.</summary>
    private void CheckJobLevelContexts(TargetDefinition root, JobTargets targets)
    {
        if (JobCondition(root, targets) is not { } when)
        {
            return;
        }

        foreach (var context in when.ExpressionNodes().OfType<ContextNode>().Select(c => c.Context).Distinct())
        {
            if (context is not ("github" or "vars"))
            {
                problems.Add($"the job {root.Name}: its condition `{when}` reads {context}, which GitHub does not know when it decides whether the job runs " +
                    "(a job's if: reads github, needs, vars and inputs). Put the target in a job that runs anyway (Triggers or DependsOn from another job's target), or read something else.");
            }
        }
    }

    /// <summary>Reading the triggering run's artifacts goes through the API: the job's token must be allowed to read actions.</summary>
    private void CheckTriggeringRunDownloads(JobDeclaration job, TargetDefinition root)
    {
        if (!job.Surface.Downloads.Any(d => d.FromTriggeringRun))
        {
            return;
        }

        // The job's own read-all/write-all or grants replace the workflow's, as GitHub reads them.
        var all = job.Surface.AllPermissions ?? (job.Permissions is null ? workflow.Surface.AllPermissions : null);
        var grants = job.Permissions ?? workflow.Permissions ?? [Permission.Contents.Read];
        if (all is not (PermissionAccess.Read or PermissionAccess.Write) && !grants.Any(g => g.Permission == Permission.Actions && g.Access != PermissionAccess.None))
        {
            problems.Add($"the job {root.Name} downloads from the triggering run, which needs actions: read; grant Permission.Actions.Read to the job or the workflow.");
        }
    }

    /// <summary>The variables the job declares for its build step, which never replace one the generator sets.</summary>
    private List<KeyValuePair<string, string>> WithBuildStepEnv(List<KeyValuePair<string, string>> env, JobDeclaration job, TargetDefinition root, IExpressionNames names)
    {
        foreach (var (name, value) in job.Surface.BuildStepEnv)
        {
            if (!Identifiers.IsEnvName(name))
            {
                problems.Add($"the job {root.Name}: the build step variable name '{name}' must be letters, digits and '_', not starting with a digit.");
            }
            else if (env.Any(e => e.Key == name))
            {
                problems.Add($"the job {root.Name} sets the build step variable {name}, which the generator sets itself (a secret, input, output or matrix value); choose another name.");
            }
            else
            {
                env.Add(KeyValuePair.Create(name, value.Render(names)));
            }
        }

        return [.. env.OrderBy(e => e.Key, StringComparer.Ordinal)];
    }
}
