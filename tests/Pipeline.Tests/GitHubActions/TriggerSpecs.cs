using Pipeline.GitHubActions;
using Pipeline.Tests.GitHubActions.Support;

namespace Pipeline.Tests.GitHubActions;

/// <summary>
/// Triggers beyond push and pull_request: merge_group, workflow_run (by a typed reference too),
/// pull_request activity types, pull_request_target (with its warning; checking out its head is refused, see SecurityRuleSpecs), release,
/// repository_dispatch, the -ignore filters, several on one workflow.
/// </summary>
public sealed class TriggerSpecs
{
    [Fact]
    public async Task Several_triggers_on_one_workflow_are_written_as_GitHub_reads_them()
    {
        var file = Workflows.Render<AllTriggers>(Pipeline());
        var yaml = RenderedYaml.Parse(file.Content);

        Assert.Equal(["push", "pull_request", "pull_request_target", "merge_group", "workflow_run", "release", "repository_dispatch"], yaml.At("on").Keys());
        Assert.Equal(["gh-pages"], yaml.At("on", "push", "branches-ignore").Items());
        Assert.Equal(["v*-rc*"], yaml.At("on", "push", "tags-ignore").Items());
        Assert.Equal(["docs/**"], yaml.At("on", "push", "paths-ignore").Items());
        Assert.Equal(["opened", "synchronize", "labeled"], yaml.At("on", "pull_request", "types").Items());
        Assert.Equal(["labeled"], yaml.At("on", "pull_request_target", "types").Items());
        Assert.Equal(["checks_requested"], yaml.At("on", "merge_group", "types").Items());
        Assert.Equal(["Nightly build"], yaml.At("on", "workflow_run", "workflows").Items());
        Assert.Equal(["completed"], yaml.At("on", "workflow_run", "types").Items());
        Assert.Equal(["published"], yaml.At("on", "release", "types").Items());
        Assert.Equal(["deploy"], yaml.At("on", "repository_dispatch", "types").Items());
        await WorkflowLint.AssertCleanAsync(file.Content, "triggers.yml");
    }

    [Fact]
    public void Pull_request_target_is_generated_with_a_warning_about_untrusted_code_in_the_model_and_the_file()
    {
        var workflow = Workflows.Plan<AllTriggers>(Pipeline());

        Assert.Contains(workflow.Warnings, w => w.Contains("would run untrusted code", StringComparison.Ordinal));
        Assert.Contains("# Warning: pull_request_target runs with this repository's secrets", WorkflowRenderer.Render(workflow), StringComparison.Ordinal);
        Assert.Empty(Workflows.Plan<Nightly>(Pipeline()).Warnings);
    }

    public static TheoryData<string, string> TriggerErrors => new()
    {
        { "type", "its pull_request trigger has the activity type 'opend', which GitHub does not know" },
        { "both", "its push trigger has both branches and branches-ignore, which GitHub refuses" },
        { "run", "its workflow_run trigger names no workflow" },
        { "raw", "the raw trigger 'Push' is not an event name" },
    };

    [Theory]
    [MemberData(nameof(TriggerErrors))]
    public void A_trigger_GitHub_would_refuse_fails_generation(string error, string expected)
    {
        var exception = Assert.Throws<DefinitionException>(() => InlineWorkflow.Plan(
            new Pipeline.Tests.Support.Script().Target<Pipeline.Tests.Support.A>(),
            w => _ = error switch
            {
                "type" => w.OnPullRequest(types: ["opend"]).Job<Pipeline.Tests.Support.A>(),
                "both" => w.OnPush(branches: ["main"], branchesIgnore: ["dev"]).Job<Pipeline.Tests.Support.A>(),
                "run" => w.OnWorkflowRun([]).Job<Pipeline.Tests.Support.A>(),
                _ => w.RawTrigger("Push").Job<Pipeline.Tests.Support.A>(),
            }));

        Assert.Contains(expected, exception.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void A_workflow_triggered_by_its_own_runs_fails_generation()
    {
        var error = Assert.Throws<DefinitionException>(() => Workflows.Plan<SelfTriggered>(Pipeline()));

        Assert.Contains("is triggered by workflow_run of itself", error.Message, StringComparison.Ordinal);
    }

    private static PipelineBuilder Pipeline() => new PipelineBuilder().Add<Build>();

    public sealed class Build : SeedTarget;

    public sealed class Nightly : Workflow
    {
        protected override void Configure(WorkflowSpec workflow) => workflow.Name("Nightly build").OnSchedule("0 3 * * *").Job<Build>();
    }

    public sealed class SelfTriggered : Workflow
    {
        protected override void Configure(WorkflowSpec workflow) => workflow.OnWorkflowRun<SelfTriggered>().Job<Build>();
    }

    public sealed class AllTriggers : Workflow
    {
        protected override void Configure(WorkflowSpec workflow) => workflow
            .OnPush(branchesIgnore: ["gh-pages"], tagsIgnore: ["v*-rc*"], pathsIgnore: ["docs/**"])
            .OnPullRequest(branches: ["main"], types: ["opened", "synchronize", "labeled"])
            .OnPullRequestTarget(types: ["labeled"])
            .OnMergeGroup("checks_requested")
            .OnWorkflowRun<Nightly>(types: ["completed"])
            .OnRelease("published")
            .OnRepositoryDispatch("deploy")
            .Job<Build>();
    }
}
