using Pipeline.GitHubActions;
using Pipeline.Tests.GitHubActions.Support;

namespace Pipeline.Tests.GitHubActions;

/// <summary>workflow_dispatch inputs of every type GitHub has, with ids the user chooses, reaching the build step.</summary>
public sealed class DispatchInputSpecs
{
    [Fact]
    public async Task Inputs_of_every_type_with_chosen_ids_reach_the_jobs_that_read_them()
    {
        var file = Workflows.Render<Manual>(Pipeline());
        var yaml = RenderedYaml.Parse(file.Content);
        var inputs = yaml.At("on", "workflow_dispatch", "inputs");

        Assert.Equal(["notes", "dry-run", "level", "retries", "target"], inputs.Keys());
        Assert.Equal(
            ["string", "boolean", "choice", "number", "environment"],
            inputs.Keys().Select(k => inputs.At(k, "type").Text()));
        Assert.Equal("3", inputs.At("retries", "default").Text());
        Assert.Equal(["Low", "High"], inputs.At("level", "options").Items());
        var env = Workflows.Plan<Manual>(Pipeline())["deploy"].BuildStep.Env;
        Assert.Contains(new KeyValuePair<string, string>("TARGET_ENVIRONMENT", "${{ inputs.target }}"), env);
        Assert.Contains(new KeyValuePair<string, string>("RELEASE_NOTES", "${{ inputs.notes }}"), env);
        await WorkflowLint.AssertCleanAsync(file.Content, "dispatch.yml");
    }

    [Fact]
    public void An_input_type_its_parameter_cannot_hold_or_an_id_GitHub_rejects_fails_generation()
    {
        var error = Assert.Throws<DefinitionException>(() => Workflows.Plan<Wrong>(Pipeline()));

        Assert.Contains("the workflow_dispatch input retries is a environment, but Retries holds a Int32", error.Message, StringComparison.Ordinal);
        Assert.Contains("the workflow_dispatch input id '2notes' (for ReleaseNotes)", error.Message, StringComparison.Ordinal);
    }

    private static PipelineBuilder Pipeline() => new PipelineBuilder().Add<Deploy>();

    public enum Level
    {
        Low,
        High,
    }

    public static class Inputs
    {
        public static readonly Parameter<string> ReleaseNotes = Parameter.Create<string>("Notes of the release");
        public static readonly Parameter<bool> DryRun = Parameter.Create("Only show what would happen", false);
        public static readonly Parameter<Level> LogLevel = Parameter.Create("How much to log", Level.Low);
        public static readonly Parameter<int> Retries = Parameter.Create("Attempts per step", 3);
        public static readonly Parameter<string> TargetEnvironment = Parameter.Create<string>("Where to deploy");
    }

    public sealed class Deploy : SeedTarget
    {
        protected override void Configure(TargetSpec target) => target
            .Reads(Inputs.ReleaseNotes).Reads(Inputs.DryRun).Reads(Inputs.LogLevel).Reads(Inputs.Retries).Reads(Inputs.TargetEnvironment);
    }

    public sealed class Manual : Workflow
    {
        protected override void Configure(WorkflowSpec workflow) => workflow
            .WorkflowDispatchInput(Inputs.ReleaseNotes, id: "notes")
            .OnWorkflowDispatch(Inputs.DryRun)
            .WorkflowDispatchInput(Inputs.LogLevel, id: "level")
            .OnWorkflowDispatch(Inputs.Retries)
            .WorkflowDispatchInput(Inputs.TargetEnvironment, id: "target", type: DispatchInputType.Environment)
            .Job<Deploy>();
    }

    public sealed class Wrong : Workflow
    {
        protected override void Configure(WorkflowSpec workflow) => workflow
            .WorkflowDispatchInput(Inputs.ReleaseNotes, id: "2notes")
            .WorkflowDispatchInput(Inputs.Retries, type: DispatchInputType.Environment)
            .Job<Deploy>();
    }
}
