using Pipeline;
using Pipeline.Fixture;

return await new PipelineBuilder()
    .Add<Hello>()
    .Add<Sleep>()
    .Add<Daemon>()
    .Add<StopDaemon>()
    .Add<Fail>()
    .Default<Hello>()
    .Parameters(FixtureParameters.PidFile)
    .RunAsync(args);
