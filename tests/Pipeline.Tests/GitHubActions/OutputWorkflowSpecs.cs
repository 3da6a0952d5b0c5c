using Pipeline.GitHubActions;
using Pipeline.Tests.GitHubActions.Support;
using Pipeline.Tests.Support;
using YamlDotNet.RepresentationModel;

namespace Pipeline.Tests.GitHubActions;

/// <summary>Outputs in a generated workflow: the producing job declares them, a consuming job receives them through needs.</summary>
public sealed class OutputWorkflowSpecs
{
    public static readonly Output<string> Version = new("The version to stamp");
    public static readonly Output<IReadOnlyList<string>> Changed = new("The components that changed");
    private static readonly MatrixAxis<string> Component = MatrixAxis.FromOutput(Changed, "component");

    /// <summary>A produces the version; C, a job after B after A, reads it.</summary>
    private static Script VersionPipeline() => new Script()
        .Target<A>(t => t.Produces(Version))
        .Target<B>(t => t.DependsOn<A>())
        .Target<C>(t => t.DependsOn<B>().Consumes(Version));

    [Fact]
    public async Task The_producer_job_declares_the_output_from_its_build_step_and_the_consumer_gets_it_in_its_environment()
    {
        var workflow = InlineWorkflow.Plan(VersionPipeline(), w => w.Job<A>().Job<B>().Job<C>());
        var jobs = Jobs(WorkflowRenderer.Render(workflow));

        var producer = jobs["a"];
        Assert.Equal("${{ steps.build.outputs.version }}", Scalar(producer, "outputs", "version"));
        Assert.Equal("build", Scalar(BuildStep(producer), "id"));

        var consumer = jobs["c"];
        Assert.Equal(["a", "b"], ((YamlSequenceNode)consumer["needs"]).Children.Select(n => ((YamlScalarNode)n).Value));
        Assert.Equal("${{ needs.a.outputs.version }}", Scalar(BuildStep(consumer), "env", "PIPELINE_OUTPUT_VERSION"));
        Assert.False(((YamlMappingNode)jobs["b"]).Children.ContainsKey("outputs"));
        Assert.False(BuildStep(jobs["b"]).Children.ContainsKey("id"), "a job without outputs keeps its build step as it was");

        await WorkflowLint.AssertCleanAsync(WorkflowRenderer.Render(workflow), "outputs.yml");
    }

    [Fact]
    public void A_consumer_in_the_producers_own_job_reads_it_in_process_and_gets_no_variable()
    {
        var workflow = InlineWorkflow.Plan(VersionPipeline(), w => w.Job<C>());

        Assert.DoesNotContain(workflow["c"].BuildStep.Env, e => e.Key == "PIPELINE_OUTPUT_VERSION");
        Assert.Equal([new("version", "${{ steps.build.outputs.version }}")], workflow["c"].Outputs);
    }

    [Fact]
    public async Task A_matrix_from_an_output_reads_fromJSON_of_the_producers_output_and_is_skipped_on_an_empty_list()
    {
        var script = new Script()
            .Target<A>(t => t.Produces(Changed))
            .Target<B>(t => t.DependsOn<A>().Matrix(Component, maxParallel: 3, failFast: false));
        var workflow = InlineWorkflow.Plan(script, w => w.Job<A>().Job<B>());
        var yaml = WorkflowRenderer.Render(workflow);
        var job = Jobs(yaml)["b"];

        Assert.Equal("needs.a.outputs.changed != '[]'", Scalar(job, "if"));
        Assert.Equal("${{ fromJSON(needs.a.outputs.changed) }}", Scalar(job, "strategy", "matrix", "component"));
        Assert.Equal("false", Scalar(job, "strategy", "fail-fast"));
        Assert.Equal("3", Scalar(job, "strategy", "max-parallel"));
        Assert.Equal("${{ toJSON(matrix.component) }}", Scalar(BuildStep(job), "env", "PIPELINE_MATRIX_COMPONENT"));
        await WorkflowLint.AssertCleanAsync(yaml, "dynamic-matrix.yml");
    }

    [Fact]
    public async Task Each_cell_of_a_matrix_from_an_output_uploads_under_its_index_and_the_consumer_merges_them()
    {
        var packages = Artifact.Of("packages", "artifacts/packages");
        var script = new Script()
            .Target<A>(t => t.Produces(Changed))
            .Target<B>(t => t.DependsOn<A>().Matrix(Component).Produces(packages))
            .Target<C>(t => t.DependsOn<B>().Consumes(packages));

        var workflow = InlineWorkflow.Plan(script, w => w.Job<A>().Job<B>().Job<C>());
        var upload = workflow["b"].Steps.Single(s => s.Name == "Upload packages");
        var download = workflow["c"].Steps.Single(s => s.Name == "Download packages");

        // Items may be objects, which make no name; the index always does.
        Assert.Contains(KeyValuePair.Create("name", "packages-${{ strategy.job-index }}"), upload.With);
        Assert.Contains(KeyValuePair.Create("pattern", "packages-*"), download.With);
        Assert.Contains(KeyValuePair.Create("merge-multiple", "true"), download.With);
        await WorkflowLint.AssertCleanAsync(WorkflowRenderer.Render(workflow), "dynamic-matrix-artifacts.yml");
    }

    [Fact]
    public void The_empty_list_gate_joins_the_targets_own_condition()
    {
        var script = new Script()
            .Target<A>(t => t.Produces(Changed))
            .Target<B>(t => t.DependsOn<A>().Matrix(Component).OnlyWhen(Condition.OnBranch("main")));

        var workflow = InlineWorkflow.Plan(script, w => w.Job<A>().Job<B>());

        Assert.Equal("(github.ref == 'refs/heads/main') && needs.a.outputs.changed != '[]'", workflow["b"].If);
    }

    [Fact]
    public void A_matrix_from_an_output_produced_in_its_own_job_is_refused_with_one_line()
    {
        var script = new Script()
            .Target<A>(t => t.Produces(Changed))
            .Target<B>(t => t.DependsOn<A>().Matrix(Component));

        var error = Assert.Throws<DefinitionException>(() => InlineWorkflow.Plan(script, w => w.Job<B>()));

        Assert.Contains(
            "the matrix of B comes from the output Changed of A, which would run in the same job, but a job's matrix is decided before the job starts. Give A a job of its own (.Job<A>()).",
            error.Message,
            StringComparison.Ordinal);
    }

    internal static YamlMappingNode Jobs(string yaml)
    {
        var stream = new YamlStream();
        stream.Load(new StringReader(yaml));
        return (YamlMappingNode)((YamlMappingNode)stream.Documents[0].RootNode)["jobs"];
    }

    /// <summary>The step that runs the job's targets ("Run &lt;Target&gt;"), not the cache steps' commands.</summary>
    internal static YamlMappingNode BuildStep(YamlNode job) =>
        ((YamlSequenceNode)((YamlMappingNode)job)["steps"]).Children.Cast<YamlMappingNode>()
            .Single(s => s.Children.ContainsKey("run") && s.Children.TryGetValue("name", out var name) && ((YamlScalarNode)name).Value!.StartsWith("Run ", StringComparison.Ordinal));

    internal static string? Scalar(YamlNode node, params string[] path)
    {
        foreach (var key in path)
        {
            node = ((YamlMappingNode)node)[key];
        }

        return ((YamlScalarNode)node).Value;
    }
}
