using Pipeline.GitHubActions;
using Pipeline.Tests.GitHubActions.Support;
using Pipeline.Tests.Support;

namespace Pipeline.Tests.GitHubActions;

/// <summary>
/// Typed expressions in workflows: a job's <c>if:</c> that reads other jobs (which it then needs),
/// values written as <c>${{ }}</c> wherever GitHub takes one, the context variables the engine in a
/// job decides with, and the expressions GitHub would reject found at generation.
/// </summary>
public sealed class ExpressionWorkflowSpecs
{
    private static readonly Output<string> Url = new("Where the deployment answers");
    private static readonly Parameter<string> Channel = Parameter.Create<string>("The release channel");

    [Fact]
    public async Task A_job_condition_reading_another_jobs_result_needs_that_job_and_lints_clean()
    {
        var script = new Script()
            .Target<A>()
            .Target<B>(t => t.After<A>().OnlyWhen(Functions.Always() & Contexts.Needs<A>().Failed & (Contexts.Vars("NOTIFY") == "true")));

        var workflow = InlineWorkflow.Plan(script, w => w.Job<A>().Job<B>());

        Assert.Equal(["a"], workflow["b"].Needs);
        Assert.Equal("always() && needs.a.result == 'failure' && vars.NOTIFY == 'true'", workflow["b"].If);
        await WorkflowLint.AssertCleanAsync(WorkflowRenderer.Render(workflow), "expressions.yml");
    }

    [Fact]
    public async Task Typed_values_are_written_as_expressions_where_GitHub_takes_them()
    {
        var script = new Script()
            .Target<A>(t => t.Produces(Url).Reads(Channel))
            .Target<B>(t => t.DependsOn<A>());

        var workflow = InlineWorkflow.Plan(script, w => w
            .OnWorkflowDispatch(Channel)
            .Env("CHANNEL", Contexts.Input(Channel).OrElse("stable"))
            .Concurrency(CancelInProgress.Always, Contexts.GitHub.Workflow + "-" + Contexts.GitHub.HeadRef.OrElse(Contexts.GitHub.RunId))
            .Job<A>(j => j
                .Name("Deploy " + Contexts.Input(Channel))
                .RunsOn(Contexts.Vars("RUNNER").OrElse("ubuntu-24.04"))
                .Env("TITLE", Contexts.GitHub.Event["pull_request"]["title"].AsString())
                .AfterBuild(s => s.Run("echo done").If(Contexts.Runner.Os == "Linux" & Functions.Success())))
            .Job<B>(j => j.Environment("staging", Contexts.Output(Url).AsString())));

        var yaml = RenderedYaml.Parse(workflow);

        Assert.Equal("${{ inputs.channel || 'stable' }}", yaml.At("env", "CHANNEL").Text());
        Assert.Equal("${{ github.workflow }}-${{ github.head_ref || github.run_id }}", yaml.At("concurrency", "group").Text());
        Assert.Equal("Deploy ${{ inputs.channel }}", yaml.At("jobs", "a", "name").Text());
        Assert.Equal("${{ vars.RUNNER || 'ubuntu-24.04' }}", yaml.At("jobs", "a", "runs-on").Text());
        Assert.Equal("${{ github.event.pull_request.title }}", yaml.At("jobs", "a", "env", "TITLE").Text());
        Assert.Equal("runner.os == 'Linux' && success()", yaml.Step("a", "echo done").At("if").Text());
        Assert.Equal("${{ needs.a.outputs.url }}", yaml.At("jobs", "b", "environment", "url").Text());
        await WorkflowLint.AssertCleanAsync(WorkflowRenderer.Render(workflow), "values.yml");
    }

    [Fact]
    public void The_build_step_receives_what_the_engine_in_the_job_decides_with()
    {
        // C runs in B's job (B depends on it), so the engine in that job decides C's condition.
        var script = new Script()
            .Target<A>()
            .Target<C>(t => t.After<A>().OnlyWhen(Contexts.Needs<A>().Skipped | (Contexts.Vars("FORCE") == "1") | Contexts.Step("gate").Output("open").IsSet()))
            .Target<B>(t => t.DependsOn<C>());

        var workflow = InlineWorkflow.Plan(script, w => w.Job<A>().Job<B>(j => j.BeforeBuild(s => s.Id("gate").Run("echo open=1 >> \"$GITHUB_OUTPUT\""))));
        var env = workflow["b"].BuildStep.Env.ToDictionary(e => e.Key, e => e.Value);

        Assert.Equal(["C", "B"], workflow["b"].Runs);
        Assert.Equal("${{ toJSON(needs.a.result) }}", env["PIPELINE_CONTEXT_NEEDS_A_RESULT"]);
        Assert.Equal("${{ toJSON(vars.FORCE) }}", env["PIPELINE_CONTEXT_VARS_FORCE"]);
        Assert.Equal("${{ toJSON(steps.gate.outputs.open) }}", env["PIPELINE_CONTEXT_STEPS_GATE_OUTPUTS_OPEN"]);
        Assert.Contains("a", workflow["b"].Needs);
    }

    [Fact]
    public void Expressions_GitHub_would_reject_at_run_time_fail_generation_with_one_line_each()
    {
        var script = new Script()
            .Target<A>()
            .Target<B>(t => t.OnlyWhen(Contexts.Needs<A>().Succeeded))
            .Target<C>(t => t.OnlyWhen(Contexts.Runner.Os == "Linux"))
            .Target<D>(t => t.OnlyWhen(Contexts.Input(Channel) == "beta"));

        var error = Assert.Throws<DefinitionException>(() => InlineWorkflow.Plan(script, w => w.Job<A>().Job<B>().Job<C>().Job<D>()));

        Assert.Contains("reads how A ended, but its job does not run after A's job a: declare DependsOn<A>() or After<A>()", error.Message, StringComparison.Ordinal);
        Assert.Contains("reads runner, which GitHub does not know when it decides whether the job runs", error.Message, StringComparison.Ordinal);
        Assert.Contains("reads the workflow input of --channel, which the workflow does not declare", error.Message, StringComparison.Ordinal);
    }
}
