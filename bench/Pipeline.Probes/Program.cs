using Pipeline;
using Pipeline.Probes;

var builder = new PipelineBuilder()
    .Add<PrintSecret>()
    .Add<FailWithSecret>()
    .Add<LeaveProcesses>()
    .Add<LeaveProcessHoldingOutput>()
    .Add<LeaveDaemon>()
    .Add<Hang>()
    .Add<TimeOut>()
    .Add<NeedsVersion>()
    .Add<NeedsTool>()
    .Default<PrintSecret>()
    .Parameters(ProbeParameters.ApiKey, ProbeParameters.Version, ProbeParameters.Mode, ProbeParameters.Labels);

// A definition error is probed by asking for one: a cycle exists only when this variable says so.
if (Environment.GetEnvironmentVariable("PROBE_CYCLE") == "1")
{
    builder.Add<CycleA>().Add<CycleB>();
}

return await builder.RunAsync(args);
