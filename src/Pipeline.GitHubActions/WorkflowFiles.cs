using Pipeline.Generation;
using Pipeline.Planning;

namespace Pipeline.GitHubActions;

/// <summary>
/// The workflows a pipeline generates: one <c>.github/workflows/*.yml</c> per <see cref="Workflow"/>
/// class, written by <c>./build.sh --generate</c> and verified by <c>--generate --check</c>.
/// </summary>
public sealed class WorkflowFiles : IGeneratedFileSource
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
        return [.. _workflows.Select(create => WorkflowPlanner.Plan(create().Declare() with { PipelineInputs = pipelineInputs }, graph))];
    }

    public IEnumerable<GeneratedFile> Generate(GenerationContext context)
    {
        ArgumentNullException.ThrowIfNull(context);
        return [.. Plan(context.Graph, context).Select(w => new GeneratedFile(w.Path, WorkflowRenderer.Render(w)))];
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
