namespace Pipeline.GitHubActions;

/// <summary>
/// The steps a job's targets declare for CI (<see cref="CiStep"/>, from components: QEMU for foreign
/// image platforms, attestations) and the permissions they need, granted to that job only.
/// </summary>
internal static class TargetCiSteps
{
    /// <summary>The job's target steps at <paramref name="placement"/>, each once, its action referenced from the lock as the generator's own are.</summary>
    public static IEnumerable<StepModel> Plan(
        IEnumerable<TargetDefinition> runs, CiStepPlacement placement, WorkflowDeclaration workflow, Problems problems, string job)
    {
        foreach (var (target, step) in runs.SelectMany(t => t.CiSteps.Select(s => (t, s))).Where(x => x.s.Placement == placement).DistinctBy(x => x.s))
        {
            // An action missing from the lock is written without a ref; the unpinned-uses rule names it.
            var action = DefaultActions.Reference(step.Action, workflow);

            var with = new List<KeyValuePair<string, string>>();
            foreach (var input in step.With)
            {
                if (input.Output is { } output)
                {
                    if (placement == CiStepPlacement.BeforeBuild || !target.OutputsProduced.Contains(output))
                    {
                        problems.Add($"the step {step.Name} of {target.Name} reads the output {output.Name}, which only an after-build step of its producer can read.");
                        continue;
                    }

                    with.Add(new(input.Name, $"${{{{ steps.{JobPlanner.BuildStepId}.outputs.{output.Id} }}}}"));
                }
                else
                {
                    with.Add(new(input.Name, input.Value ?? ""));
                }
            }

            yield return StepModel.Action(step.Name, action, with);
        }
    }

    /// <summary>
    /// The job's <c>permissions:</c> with what its target steps need written added — to this job's own
    /// grants, else to the workflow's (the job's block replaces them), else to <c>contents: read</c>.
    /// Null when the job keeps the workflow's.
    /// </summary>
    public static IReadOnlyList<PermissionGrant>? Permissions(WorkflowDeclaration workflow, JobDeclaration job, IEnumerable<TargetDefinition> runs, Problems problems, string jobName)
    {
        var needed = runs.SelectMany(t => t.CiSteps).SelectMany(s => s.WritePermissions).Distinct(StringComparer.Ordinal).ToList();
        var own = job.Permissions is { } grants ? WorkflowPlanner.Permissions(grants) : null;
        if (needed.Count == 0)
        {
            return own;
        }

        var all = job.Surface.AllPermissions ?? (own is null ? workflow.Surface.AllPermissions : null);
        if (all is { } access)
        {
            if (access != PermissionAccess.Write)
            {
                problems.Add($"the job {jobName} needs {string.Join(", ", needed.Select(n => n + ": write"))} for its steps, but gets {access.ToString().ToLowerInvariant()}-all: grant permissions by name instead.");
            }

            return own;
        }

        IEnumerable<PermissionGrant> granted = own ?? workflow.Permissions ?? [Permission.Contents.Read];
        return WorkflowPlanner.Permissions([.. granted, .. needed.Select(n => new Permission(n).Write)]);
    }
}
