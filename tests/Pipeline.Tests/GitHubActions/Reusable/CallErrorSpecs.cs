using Pipeline.GitHubActions;
using Pipeline.Tests.GitHubActions.Support;
using Pipeline.Tests.Support;

namespace Pipeline.Tests.GitHubActions.Reusable;

/// <summary>What GitHub finds only when the run starts is a generation error: one line naming the job and what to do.</summary>
public sealed class CallErrorSpecs
{
    [Fact]
    public void A_secret_the_local_callee_reads_that_the_call_does_not_pass_fails_generation()
    {
        var message = Fails(w => w.Call<B, BuildWorkflow>(c => c.With(Build.Channel, "stable")));

        Assert.Contains("the job B calls BuildWorkflow, whose jobs read the secret NUGET_KEY, but the call does not pass it", message, StringComparison.Ordinal);
    }

    [Fact]
    public void A_secret_the_callee_does_not_read_fails_generation()
    {
        var message = Fails(w => w.Call<B, BuildWorkflow>(c => c.With(Build.Channel, "stable").Secret(Build.NugetKey).Secret(Build.PublishKey)));

        Assert.Contains("passes the secret PUBLISH_KEY to BuildWorkflow, which reads no such secret", message, StringComparison.Ordinal);
    }

    [Fact]
    public void An_input_of_the_wrong_type_fails_generation()
    {
        var message = Fails(w => w.Call<B, BuildWorkflow>(c => c.With(Build.Channel, "stable").Secret(Build.NugetKey).With(Build.Sign, "yes").With(Build.Retries, Contexts.GitHub.Ref)));

        Assert.Contains("the job B passes a string to the input sign of BuildWorkflow, which is a boolean: pass a boolean.", message, StringComparison.Ordinal);
        Assert.Contains("the job B passes a string to the input retries of BuildWorkflow, which is a number", message, StringComparison.Ordinal);
    }

    [Fact]
    public void An_unknown_input_and_a_missing_required_one_fail_generation()
    {
        var message = Fails(w => w.Call<B, BuildWorkflow>(c => c.Secret(Build.NugetKey).With(Build.Unrelated, "x")));

        Assert.Contains("the job B passes the input Unrelated to BuildWorkflow, which has no such input (its inputs: configuration, sign, retries, channel)", message, StringComparison.Ordinal);
        Assert.Contains("the job B calls BuildWorkflow without its required input channel: add .With(Channel, …).", message, StringComparison.Ordinal);
    }

    [Fact]
    public void The_env_context_in_with_fails_generation_typed_or_written()
    {
        var message = Fails(w => w.Call<B, BuildWorkflow>(c => c.Secret(Build.NugetKey).With(Build.Channel, Contexts.Env("CHANNEL")).With(Build.Configuration, "${{ env.CONFIGURATION }}")));

        Assert.Contains("the job B reads the env context in with: channel", message, StringComparison.Ordinal);
        Assert.Contains("the job B reads the env context in with: configuration", message, StringComparison.Ordinal);
    }

    [Fact]
    public void An_unpinned_remote_call_fails_with_how_to_pin_it()
    {
        var message = Fails(w => w.Call<B>("octo/shared/.github/workflows/build.yml@v1", "v1"));

        Assert.Contains(
            "the job B calls octo/shared/.github/workflows/build.yml@v1, which is not pinned: reference it by full commit SHA with its tag, " +
            ".Call<…>(\"octo/shared/.github/workflows/build.yml@<40-hex SHA of v1>\", tag: \"v1\")",
            message,
            StringComparison.Ordinal);
    }

    [Fact]
    public void A_callee_that_is_not_callable_fails_generation()
    {
        var message = Fails(w => w.Call<B, NotCallable>());

        Assert.Contains("the job B calls NotCallable, which cannot be called: add .OnWorkflowCall(…) to NotCallable.", message, StringComparison.Ordinal);
    }

    [Fact]
    public void Nesting_deeper_than_GitHubs_ten_levels_fails_and_ten_pass()
    {
        // The caller, eight Nests and the leaf: ten levels.
        var ten = InlineWorkflow.Plan(Build.Pipeline(), w => w.Call<B, Nest<Nest<Nest<Nest<Nest<Nest<Nest<Nest<Leaf>>>>>>>>>());
        Assert.Equal("./.github/workflows/nest-8.yml", ten["b"].Call!.Uses);

        var message = Fails(w => w.Call<B, Nest<Nest<Nest<Nest<Nest<Nest<Nest<Nest<Nest<Leaf>>>>>>>>>>());

        Assert.Contains("it nests reusable workflows 11 levels deep, counting itself; GitHub runs at most 10", message, StringComparison.Ordinal);
    }

    [Fact]
    public void A_workflow_that_calls_itself_fails_generation()
    {
        var message = Fails(w => w.Call<B, SelfCalling>());

        Assert.Contains("it calls InlineWorkflow → SelfCalling → SelfCalling: a reusable workflow cannot call itself", message, StringComparison.Ordinal);
    }

    [Fact]
    public void More_unique_reusable_workflows_than_GitHub_runs_fail_generation()
    {
        var sha = new string('a', 40);
        var message = Fails(w =>
        {
            foreach (var repository in Enumerable.Range(1, 51))
            {
                w.CallEach($"octo/r{repository}/.github/workflows/build.yml@{sha}", "v1", [repository], i => $"row-{i}", (_, _) => { });
            }
        });

        Assert.Contains("it calls 51 unique reusable workflows, nested ones included; GitHub runs at most 50", message, StringComparison.Ordinal);
    }

    private static string Fails(Action<WorkflowSpec> configure)
    {
        var error = Assert.Throws<DefinitionException>(() => InlineWorkflow.Plan(Build.Pipeline(), configure));
        Assert.DoesNotContain("   at ", error.Message, StringComparison.Ordinal);
        return error.Message;
    }
}
