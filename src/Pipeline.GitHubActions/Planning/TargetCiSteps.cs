namespace Pipeline.GitHubActions;

/// <summary>
/// The steps a job's targets declare for CI (<see cref="CiStep"/>, from components: Trivy's set-up and
/// its SARIF upload, QEMU for foreign image platforms, attestations) and the permissions they need,
/// granted to that job only.
/// </summary>
internal static class TargetCiSteps
{
    /// <summary>The job's target steps at <paramref name="placement"/>, each once, its action referenced from the lock as the generator's own are.</summary>
    public static IEnumerable<StepModel> Plan(
        IEnumerable<TargetDefinition> runs, CiStepPlacement placement, WorkflowDeclaration workflow, Problems problems, string job)
    {
        foreach (var (target, step) in runs.SelectMany(t => t.CiSteps.Select(s => (t, s))).Where(x => x.s.Placement == placement).DistinctBy(x => x.s))
        {
            if (step.Run is { } run)
            {
                yield return StepModel.Command(step.Name, run, []) with { If = step.If };
                continue;
            }

            var with = new List<KeyValuePair<string, string>>();
            foreach (var input in step.With)
            {
                if (input.Output is not { } output)
                {
                    with.Add(new(input.Name, input.Value ?? ""));
                }
                else if (placement == CiStepPlacement.BeforeBuild || !target.OutputsProduced.Contains(output))
                {
                    problems.Add($"the step {step.Name} of {target.Name} in the job {job} reads the output {output.Name}, which only an after-build step of its producer can read.");
                }
                else
                {
                    with.Add(new(input.Name, $"${{{{ steps.{JobPlanner.BuildStepId}.outputs.{output.Id} }}}}"));
                }
            }

            // An action missing from the lock is written without a ref; the unpinned-uses rule names it.
            yield return StepModel.Action(step.Name, DefaultActions.Reference(step.Uses!, workflow), with) with { If = step.If };
        }
    }

    /// <summary>
    /// The job's <c>permissions:</c> with what its target steps need added — to this job's own grants,
    /// else to the workflow's (the job's block replaces them), else to <c>contents: read</c>. Null when
    /// the job keeps the workflow's. <c>read-all</c> cannot take one write more: a problem.
    /// </summary>
    public static IReadOnlyList<PermissionGrant>? Permissions(WorkflowDeclaration workflow, JobDeclaration job, IEnumerable<TargetDefinition> runs, Problems problems, string jobName)
    {
        var needed = runs.SelectMany(t => t.CiSteps.SelectMany(s => s.Permissions.Select(p => (Target: t.Name, Step: s.Name, Grant: p)))).ToList();
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
                var steps = string.Join(", ", needed.Select(n => $"'{n.Step}' of {n.Target}").Distinct());
                var writes = string.Join(", ", needed.Select(n => n.Grant.ToString()).Distinct());
                problems.Add($"the job {jobName} grants {access.ToString().ToLowerInvariant()}-all, but its steps {steps} need {writes}: grant the job's permissions by name with Permissions(…), which gets them added.");
            }

            return own;
        }

        IReadOnlyList<PermissionGrant> basis = own ?? workflow.Permissions ?? [Permission.Contents.Read];
        var added = needed
            .Select(n => new PermissionGrant(new Permission(n.Grant.Name), n.Grant.Write ? PermissionAccess.Write : PermissionAccess.Read))
            .Where(grant => !basis.Any(g => g.Permission.Name == grant.Permission.Name && g.Access >= grant.Access))
            .OrderBy(g => g.Access); // a write after a read of the same scope is the one kept
        return WorkflowPlanner.Permissions([.. basis, .. added]);
    }
}
