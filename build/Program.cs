using Build;
using Pipeline;

return await new PipelineBuilder()
    .Add<Restore>()
    .Add<Compile>()
    .Add<Format>()
    .Add<Lint>()
    .Add<Test>()
    .Default<Test>()
    .Parameters(BuildParameters.Configuration)
    .RunAsync(args);
