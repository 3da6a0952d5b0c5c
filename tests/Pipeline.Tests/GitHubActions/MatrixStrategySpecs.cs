using Pipeline.GitHubActions;
using Pipeline.Tests.GitHubActions.Support;
using Pipeline.Tests.Support;
using YamlDotNet.RepresentationModel;
using static Pipeline.Tests.GitHubActions.OutputWorkflowSpecs;

namespace Pipeline.Tests.GitHubActions;

/// <summary>A static matrix as GitHub reads one: include and exclude entries, runs-on from a cell's field, fail-fast, max-parallel.</summary>
public sealed class MatrixStrategySpecs
{
    private static readonly MatrixAxis Os = MatrixAxis.Of("os", "ubuntu-latest", "windows-latest");
    private static readonly MatrixAxis Configuration = MatrixAxis.Of("configuration", "Debug", "Release");
    private static readonly MatrixAxis Rid = MatrixAxis.Of("rid");

    [Fact]
    public async Task Linux_and_Windows_cells_in_one_matrix_each_run_on_their_runner_with_their_fields()
    {
        var script = new Script()
            .Target<A>()
            .Target<B>(t => t.DependsOn<A>().Matrix(m => m
                .Axis(Os).Axis(Configuration)
                .Include((Os, "ubuntu-latest"), (Rid, "linux-x64"))
                .Include((Os, "windows-latest"), (Rid, "win-x64"))
                .Exclude((Os, "windows-latest"), (Configuration, "Debug"))
                .RunsOn(Os).FailFast(false).MaxParallel(2)));
        var yaml = WorkflowRenderer.Render(InlineWorkflow.Plan(script, w => w.Job<B>()));
        var job = Jobs(yaml)["b"];

        Assert.Equal("${{ matrix.os }}", Scalar(job, "runs-on"));
        Assert.Equal("false", Scalar(job, "strategy", "fail-fast"));
        Assert.Equal("2", Scalar(job, "strategy", "max-parallel"));
        var matrix = (YamlMappingNode)((YamlMappingNode)job["strategy"])["matrix"];
        Assert.Equal(["os", "configuration", "include", "exclude"], matrix.Children.Keys.Select(k => ((YamlScalarNode)k).Value));
        var include = ((YamlSequenceNode)matrix["include"]).Children.Cast<YamlMappingNode>().ToList();
        Assert.Equal("win-x64", Scalar(include[1], "rid"));
        Assert.Equal("Debug", Scalar(((YamlSequenceNode)matrix["exclude"]).Children[0], "configuration"));

        var env = (YamlMappingNode)BuildStep(job)["env"];
        Assert.Equal("${{ matrix.os }}", Scalar(env, "PIPELINE_MATRIX_OS"));
        Assert.Equal("${{ matrix.configuration }}", Scalar(env, "PIPELINE_MATRIX_CONFIGURATION"));
        Assert.Equal("${{ matrix.rid }}", Scalar(env, "PIPELINE_MATRIX_RID"));
        await WorkflowLint.AssertCleanAsync(yaml, "static-matrix.yml");
    }

    [Fact]
    public void An_expression_in_an_include_value_is_refused()
    {
        var script = new Script().Target<A>(t => t.Matrix(m => m.Axis(Os).Include((Os, "ubuntu-latest"), (Rid, "${{ github.event.issue.title }}"))));

        var error = Assert.Throws<DefinitionException>(() => InlineWorkflow.Plan(script, w => w.Job<A>()));

        Assert.Contains("the job A: a value of its matrix's include or exclude entries contains '${{'", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void A_matrix_of_axes_only_renders_as_before()
    {
        var yaml = WorkflowRenderer.Render(InlineWorkflow.Plan(new Script().Target<A>(t => t.Matrix(Os)), w => w.Job<A>()));

        Assert.Contains("    strategy:\n      fail-fast: true\n      matrix:\n        os:\n          - ubuntu-latest\n          - windows-latest\n    steps:", yaml, StringComparison.Ordinal);
        Assert.Contains("runs-on: ubuntu-latest", yaml, StringComparison.Ordinal);
    }
}
