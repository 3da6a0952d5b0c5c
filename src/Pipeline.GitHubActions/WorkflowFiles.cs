using Pipeline.Generation;
using Pipeline.Planning;

namespace Pipeline.GitHubActions;

/// <summary>
/// The workflows a pipeline generates: one <c>.github/workflows/*.yml</c> per <see cref="Workflow"/>
/// class, written by <c>./build.sh --generate</c> and verified by <c>--generate --check</c>.
/// </summary>
public sealed class WorkflowFiles : IGeneratedFileSource, ICiOnlySteps, ILockedReferences
{
    private readonly List<Func<Workflow>> _workflows = [];

    public WorkflowFiles Add<TWorkflow>() where TWorkflow : Workflow, new()
    {
        _workflows.Add(() => new TWorkflow());
        return this;
    }

    /// <summary>Each workflow's model, validated: what tests assert on.</summary>
    internal IReadOnlyList<WorkflowModel> Plan(TargetGraph graph, GenerationContext? context = null)
    {
        var pipelineInputs = context is null ? CompiledPipelineCache.DefaultInputs : CompiledPipelineCache.InputsOf(context.RootDirectory, context.BuildProjectDirectory);
        var actionLock = context is null ? ActionLock.Defaults : ActionLockFile.ReadFor(context.RootDirectory);
        return [.. _workflows.Select(create => WorkflowPlanner.Plan(create().Declare() with { PipelineInputs = pipelineInputs, Lock = actionLock }, graph))];
    }

    public IEnumerable<GeneratedFile> Generate(GenerationContext context)
    {
        ArgumentNullException.ThrowIfNull(context);
        return [.. Plan(context.Graph, context).Select(w => new GeneratedFile(w.Path, WorkflowRenderer.Render(w)))];
    }

    /// <summary>Refreshes <c>.nuke/actions.lock.json</c> through GitHub's API and the images' registries (see <see cref="LockRefresh"/>).</summary>
    public async Task<IReadOnlyList<string>> UpdateLockAsync(
        AbsolutePath root, IReadOnlyList<string> references, IReadOnlyDictionary<string, string> environment, CancellationToken cancellationToken)
    {
        using var handler = new HttpClientHandler();
        var refresh = new LockRefresh(GitHubTags.From(environment), new RegistryDigests(handler));
        return await refresh.UpdateAsync(root, references, cancellationToken).ConfigureAwait(false);
    }

    /// <summary>The steps each job declares before and after its build step, under the job's root target.</summary>
    public IReadOnlyDictionary<string, IReadOnlyList<string>> StepsBesides(TargetGraph graph)
    {
        ArgumentNullException.ThrowIfNull(graph);
        var steps = new Dictionary<string, List<string>>(StringComparer.Ordinal);
        foreach (var workflow in _workflows.Select(create => create().Declare()))
        {
            foreach (var job in workflow.Jobs)
            {
                if (graph.Targets.FirstOrDefault(t => t.TargetType == job.TargetType) is not { } root)
                {
                    continue;
                }

                var described = job.Surface.BeforeBuild.Select(s => Describe(s, "before"))
                    .Concat(job.Surface.AfterBuild.Select(s => Describe(s, "after")))
                    .Select(text => $"{text} ({workflow.Name})");
                steps.TryAdd(root.Name, []);
                steps[root.Name].AddRange(described);
            }
        }

        // A target's own CI steps go wherever its job is: listed once, not per workflow.
        foreach (var target in graph.Targets.Where(t => t.CiSteps.Count > 0))
        {
            steps.TryAdd(target.Name, []);
            steps[target.Name].AddRange(target.CiSteps.Select(s =>
                $"{(s.Placement == CiStepPlacement.BeforeBuild ? "before" : "after")}: {s.Name}, in CI only (declared by {target.Name})"));
        }

        return steps.Where(s => s.Value.Count > 0).ToDictionary(s => s.Key, s => (IReadOnlyList<string>)s.Value, StringComparer.Ordinal);
    }

    private static string Describe(StepDeclaration step, string when)
    {
        var what = step.Name ?? step.Uses?.Split('@')[0] ?? step.Run?.Split('\n')[0].Trim() ?? "a step";
        return step.LocalEquivalent is { } local
            ? $"{when}: {what}, locally {local.Name}"
            : $"{when}: {what}, in CI only";
    }
}

public static class WorkflowFilesExtensions
{
    /// <summary>Generates GitHub Actions workflows from this pipeline: <c>.Workflows(w => w.Add&lt;PullRequest&gt;())</c>.</summary>
    public static PipelineBuilder Workflows(this PipelineBuilder builder, Action<WorkflowFiles> configure)
    {
        ArgumentNullException.ThrowIfNull(builder);
        ArgumentNullException.ThrowIfNull(configure);
        var files = new WorkflowFiles();
        configure(files);
        return builder.Generates(files);
    }
}
