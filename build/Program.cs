using Build;
using Pipeline;
using Pipeline.GitHubActions;

return await new PipelineBuilder()
    .Add<Restore>()
    .Add<Compile>()
    .Add<Format>()
    .Add<Lint>()
    .Add<InstallWorkflowLint>()
    .Add<RunTests>()
    .Add<TestTotals>()
    .Add<CheckGenerated>()
    .Add<Test>()
    .Add<Pack>()
    .Add<Publish>()
    .Default<Test>()
    .Parameters(BuildParameters.Configuration)
    .Workflows(w => w.Add<PullRequestValidation>().Add<Delivery>())
    .RunAsync(args);
