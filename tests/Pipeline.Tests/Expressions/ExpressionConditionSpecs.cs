using Pipeline.Tests.Support;

namespace Pipeline.Tests.Expressions;

/// <summary>Typed expressions as target conditions in a local run: decided from what is known, never silently true.</summary>
public sealed class ExpressionConditionSpecs
{
    private static readonly Output<string> Mode = new("How thorough the later targets are");

    [Fact]
    public async Task A_condition_on_a_variable_runs_the_target_when_the_environment_sets_it()
    {
        var script = new Script().Target<A>(t => t.OnlyWhen(Contexts.Vars("DEPLOY_ENABLED") == "true"));

        var run = await script.RunAsync(["A"], new Dictionary<string, string> { ["DEPLOY_ENABLED"] = "TRUE" });

        Assert.Equal(0, run.ExitCode);
        Assert.True(script.Ran("A"));
    }

    [Fact]
    public async Task What_cannot_be_known_here_skips_the_target_and_says_so_in_the_plan_and_the_summary()
    {
        var script = new Script()
            .Target<A>(t => t.OnlyWhen(Contexts.Vars("DEPLOY_ENABLED") == "true"))
            .Target<B>(t => t.OnlyWhen(Contexts.Step("meta").Output("tags").IsSet()));

        var plan = await script.RunAsync(["A", "B", "--plan"], new Dictionary<string, string>());
        var run = await script.RunAsync(["A", "B"], new Dictionary<string, string>());

        Assert.Equal(0, run.ExitCode);
        Assert.False(script.Ran("A"));
        Assert.False(script.Ran("B"));
        Assert.Contains("cannot be decided here: vars.DEPLOY_ENABLED: not set here (set DEPLOY_ENABLED in the environment", plan.Output, StringComparison.Ordinal);
        Assert.Contains("cannot be decided here: steps.meta.outputs.tags: steps run in CI only", plan.Output, StringComparison.Ordinal);
        Assert.Contains("cannot be decided here", run.SummaryRow("B"), StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_condition_on_how_a_target_ended_is_decided_when_the_reader_would_start()
    {
        var script = new Script()
            .Target<A>(action: _ => throw new InvalidOperationException("boom"))
            .Target<B>(t => t.After<A>().OnlyWhen(Functions.Always() & Contexts.Needs<A>().Failed))
            .Target<C>(t => t.After<A>().OnlyWhen(Contexts.Needs<A>().Succeeded))
            .Target<D>(t => t.After<A>().OnlyWhen(Contexts.Needs<A>().Result == "failure"));

        var run = await script.RunAsync(["A", "B", "C", "D"], new Dictionary<string, string>());

        Assert.Equal(1, run.ExitCode);
        Assert.True(script.Ran("B"));
        Assert.False(script.Ran("C"));
        Assert.True(script.Ran("D")); // After: A's failure does not block D, and its condition reads it
        Assert.Contains("condition `needs.A.result == 'success'` is false", run.SummaryRow("C"), StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_condition_on_an_output_reads_the_value_the_producer_set_in_this_run()
    {
        var script = new Script()
            .Target<A>(t => t.Produces(Mode), c =>
            {
                c.Set(Mode, "Full");
                return Task.CompletedTask;
            })
            .Target<B>(t => t.DependsOn<A>().OnlyWhen(Contexts.Output(Mode) == "full"))
            .Target<C>(t => t.DependsOn<A>().OnlyWhen(Contexts.Output(Mode) == "quick"));

        var run = await script.RunAsync(["B", "C"], new Dictionary<string, string>());

        Assert.Equal(0, run.ExitCode);
        Assert.True(script.Ran("B"));
        Assert.False(script.Ran("C"));
    }

    [Fact]
    public async Task A_CI_job_decides_from_the_context_variables_its_build_step_receives()
    {
        var script = new Script().Target<A>(t => t.OnlyWhen(Contexts.Needs<B>().Skipped & (Contexts.Vars("CHANNEL") == "beta")))
            .Target<B>();

        var run = await script.RunAsync(["A", "--skip", "B"], new Dictionary<string, string>
        {
            ["PIPELINE_CONTEXT_NEEDS_B_RESULT"] = "\"skipped\"",
            ["PIPELINE_CONTEXT_VARS_CHANNEL"] = "\"beta\"",
        });

        Assert.Equal(0, run.ExitCode);
        Assert.True(script.Ran("A"));
    }

    [Fact]
    public async Task A_list_output_is_text_as_on_GitHub_and_fromJSON_reads_the_list()
    {
        var changes = new Output<IReadOnlyList<string>>("Filters that matched", "Changes");
        var script = new Script()
            .Target<A>(t => t.Produces(changes), c =>
            {
                c.Set(changes, ["contrib-shared-tests"]);
                return Task.CompletedTask;
            })
            .Target<B>(t => t.DependsOn<A>().OnlyWhen(Contexts.Output(changes).Contains("shared")))
            .Target<C>(t => t.DependsOn<A>().OnlyWhen(Functions.FromJson(Contexts.Output(changes).AsString()).Contains("shared")));

        var run = await script.RunAsync(["B", "C"], new Dictionary<string, string>());

        Assert.Equal(0, run.ExitCode);
        Assert.True(script.Ran("B")); // a substring of the text, as GitHub decides the job
        Assert.False(script.Ran("C")); // not an item of the list
    }
}
