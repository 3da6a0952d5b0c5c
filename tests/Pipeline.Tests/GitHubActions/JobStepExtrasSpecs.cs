using Pipeline.GitHubActions;
using Pipeline.Tests.GitHubActions.Support;
using Pipeline.Tests.Support;

namespace Pipeline.Tests.GitHubActions;

/// <summary>
/// What real workflows needed besides the build step: a step's output into the build step's
/// environment, an artifact of the triggering run, and a local plan that shows the CI-only steps.
/// </summary>
public sealed class JobStepExtrasSpecs
{
    private static readonly Artifact Packages = Artifact.Of("packages", "artifacts/packages");

    [Fact]
    public async Task A_step_output_reaches_the_build_step_as_a_variable_and_never_replaces_a_generated_one()
    {
        var workflow = InlineWorkflow.Plan(new Script().Target<A>(), w => w.Job<A>(j => j
            .BeforeBuild(s => s.Id("time").Run("echo \"epoch=$(git log -1 --format=%ct)\" >> \"$GITHUB_OUTPUT\""))
            .BuildStepEnv("SOURCE_DATE_EPOCH", Contexts.Step("time").Output("epoch"))));

        Assert.Contains(KeyValuePair.Create("SOURCE_DATE_EPOCH", "${{ steps.time.outputs.epoch }}"), workflow["a"].BuildStep.Env);
        await WorkflowLint.AssertCleanAsync(WorkflowRenderer.Render(workflow), "build-step-env.yml");

        var clash = Assert.Throws<DefinitionException>(() => InlineWorkflow.Plan(
            new Script().Target<A>(t => t.Matrix(MatrixAxis.Of("os", "linux"))),
            w => w.Job<A>(j => j.BuildStepEnv("PIPELINE_MATRIX_OS", Contexts.Vars("X")))));
        Assert.Contains("sets the build step variable PIPELINE_MATRIX_OS, which the generator sets itself", clash.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task An_artifact_of_the_triggering_run_is_downloaded_by_its_run_id_with_actions_read()
    {
        var script = new Script().Target<A>();

        var workflow = WorkflowPlanner.Plan(new TriggeredByBuild().Declare(), Workflows.Graph(script.Builder()));
        var download = workflow["a"].Steps.Single(s => s.Name == "Download packages from the triggering run");

        Assert.Contains(KeyValuePair.Create("run-id", "${{ github.event.workflow_run.id }}"), download.With);
        Assert.Contains(KeyValuePair.Create("name", "packages"), download.With);
        await WorkflowLint.AssertCleanAsync(WorkflowRenderer.Render(workflow), "triggered.yml");

        var readAll = WorkflowPlanner.Plan(new TriggeredWithReadAllJob().Declare(), Workflows.Graph(script.Builder()));
        Assert.Single(readAll["a"].Steps, s => s.Name == "Download packages from the triggering run");

        var noTrigger = Assert.Throws<DefinitionException>(() => InlineWorkflow.Plan(script, w => w.Job<A>(j => j.DownloadFromTriggeringRun(Packages))));
        Assert.Contains("the workflow has no workflow_run trigger", noTrigger.Message, StringComparison.Ordinal);
        Assert.Contains("needs actions: read", noTrigger.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task The_plan_shows_the_steps_a_CI_job_runs_besides_its_targets_and_their_local_equivalent()
    {
        var script = new Script().Target<A>().Target<B>();

        var run = await RunWithWorkflowAsync(script, "A", "B", "--plan");

        Assert.Equal(0, run.ExitCode);
        Assert.Contains("before: docker/setup-buildx-action, in CI only (With Steps)", run.Output, StringComparison.Ordinal);
        Assert.Contains("before: Log in, locally B (With Steps)", run.Output, StringComparison.Ordinal);
        Assert.Contains("after: Report, in CI only (With Steps)", run.Output, StringComparison.Ordinal);
    }

    [Fact]
    public void The_merge_queue_event_is_a_typed_condition()
    {
        Assert.Equal("github.event_name == 'merge_group'", GitHubExpression.Of(Condition.OnMergeGroup, ExpressionText.Local));
        Assert.True(Condition.OnMergeGroup.Evaluate(new ConditionFacts("merge_group", "refs/heads/gh-readonly-queue/main/pr-1")));
    }

    private static async Task<RunOutcome> RunWithWorkflowAsync(Script script, params string[] args)
    {
        using var root = new TempRoot();
        var output = new StringWriter();
        var environment = new PipelineEnvironment(root.Path, new Dictionary<string, string>(), output, TextWriter.Null, 2, false);
        var exitCode = await script.Builder().Workflows(w => w.Add<WithSteps>()).RunAsync(args, environment, TestContext.Current.CancellationToken);
        return new RunOutcome(exitCode, output.ToString(), "", []);
    }

#pragma warning disable SA1402 // the workflows read best next to their tests
    public sealed class TriggeredByBuild : Workflow
    {
        protected override void Configure(WorkflowSpec workflow) => workflow
            .OnWorkflowRun<WithSteps>(types: ["completed"])
            .Permissions(Permission.Contents.Read, Permission.Actions.Read)
            .Job<A>(j => j.DownloadFromTriggeringRun(Packages, "artifacts"));
    }

    public sealed class TriggeredWithReadAllJob : Workflow
    {
        protected override void Configure(WorkflowSpec workflow) => workflow
            .OnWorkflowRun<WithSteps>(types: ["completed"])
            .Job<A>(j => j.PermissionsReadAll().DownloadFromTriggeringRun(Packages, "artifacts"));
    }

    public sealed class WithSteps : Workflow
    {
        protected override void Configure(WorkflowSpec workflow) => workflow
            .OnPush()
            .Job<A>(j => j
                .BeforeBuild(s => s.Uses("docker/setup-buildx-action@v3"))
                .BeforeBuild(s => s.Name("Log in").Uses("docker/login-action@v3").LocalEquivalent<B>())
                .AfterBuild(s => s.Name("Report").Run("echo done")));
    }
}
