using Pipeline.Generation;
using Pipeline.GitHubActions;
using Pipeline.Planning;
using Pipeline.Tests.Support;

namespace Pipeline.Tests.GitHubActions.Support;

/// <summary>Plans and renders workflows from a pipeline declaration, without writing anything.</summary>
internal static class Workflows
{
    public static TargetGraph Graph(PipelineBuilder builder)
    {
        using var root = new TempRoot();
        return builder.BuildGraph(new PipelineEnvironment(root.Path, new Dictionary<string, string>(), TextWriter.Null, TextWriter.Null, 2, false));
    }

    public static WorkflowModel Plan<TWorkflow>(PipelineBuilder builder) where TWorkflow : Workflow, new() =>
        new WorkflowFiles().Add<TWorkflow>().Plan(Graph(builder)).Single();

    public static GeneratedFile Render<TWorkflow>(PipelineBuilder builder) where TWorkflow : Workflow, new()
    {
        using var root = new TempRoot();
        var graph = Graph(builder);
        return new WorkflowFiles().Add<TWorkflow>()
            .Generate(new GenerationContext(graph, [], root.Path, "build", "Build"))
            .Single();
    }
}

/// <summary>Declares a workflow inline, for graph-shape tests that need no class per workflow.</summary>
internal static class InlineWorkflow
{
    public static WorkflowModel Plan(Script script, Action<WorkflowSpec> configure) => Plan(Workflows.Graph(script.Builder()), configure);

    public static WorkflowModel Plan(TargetGraph graph, Action<WorkflowSpec> configure)
    {
        var spec = new WorkflowSpec(typeof(InlineWorkflow));
        configure(spec.OnPush());
        return WorkflowPlanner.Plan(spec.ToDeclaration(), graph);
    }
}
