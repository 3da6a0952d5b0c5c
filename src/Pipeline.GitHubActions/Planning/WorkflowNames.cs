using Pipeline.Planning;

namespace Pipeline.GitHubActions;

/// <summary>
/// The ids a typed expression is written with in one workflow: the job that runs a target, the
/// input declared for a parameter. Reading a job's result or outputs is checked as GitHub would at
/// run time: that job must run before the reader's (which then needs it), and never be the reader's own.
/// </summary>
/// <param name="reader">The job whose values are written, or null at workflow level (where no job can be read).</param>
internal sealed class WorkflowNames(
    TargetGraph graph, IReadOnlyList<JobTargets> split, WorkflowDispatchModel? dispatch, Problems problems, string owner, JobTargets? reader)
    : IExpressionNames
{
    private readonly HashSet<string> _needed = new(StringComparer.Ordinal);

    /// <summary>The roots of the jobs read through <c>needs</c>: the reader must list them under its own.</summary>
    public IReadOnlyCollection<string> Needed => _needed;

    public string JobOf(Type target)
    {
        var name = graph.Targets.FirstOrDefault(t => t.TargetType == target)?.Name ?? target.Name;
        var job = split.FirstOrDefault(j => j.Runs.Contains(name, StringComparer.Ordinal));
        if (reader is null)
        {
            problems.Add($"{owner} reads how {name} ended; only a job can, through the jobs it needs.");
        }
        else if (job is null)
        {
            problems.Add($"{owner} reads how {name} ended, but no job of this workflow runs {name}.");
        }
        else if (job.Root == reader.Root)
        {
            problems.Add($"{owner} reads how {name} ended, which runs in the same job; a job can read only the jobs it needs. Give {name} a job of its own.");
        }
        else if (!reader.Upstream.Contains(job.Root))
        {
            problems.Add($"{owner} reads how {name} ended, but its job does not run after {name}'s job {JobPlanner.IdOf(job.Root)}: declare DependsOn<{name}>() or After<{name}>().");
        }
        else
        {
            _needed.Add(job.Root);
        }

        return JobPlanner.IdOf(job?.Root ?? name);
    }

    public string JobProducing(IOutput output)
    {
        var producer = graph.Targets.FirstOrDefault(t => t.OutputsProduced.Contains(output));
        if (producer is null)
        {
            problems.Add($"{owner} reads the output {output.Name}, which no target of the pipeline produces.");
            return "unknown";
        }

        return JobOf(producer.TargetType);
    }

    public string InputOf(IParameter parameter)
    {
        if (dispatch?.Inputs.FirstOrDefault(i => i.Parameter == parameter) is { } input)
        {
            return input.Id;
        }

        problems.Add($"{owner} reads the workflow input of {parameter.OptionName}, which the workflow does not declare: add .WorkflowDispatchInput({parameter.Name}).");
        return ParameterNames.ToKebabCase(parameter.Name);
    }
}
