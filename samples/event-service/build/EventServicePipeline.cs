using Pipeline;

namespace EventService.Build;

/// <summary>The event service's whole pipeline; tests run it in-process against a copy of the sample.</summary>
public static class EventServicePipeline
{
    public static PipelineBuilder Create() => new PipelineBuilder()
        .Add<Compile>()
        .Add<Smoke>()
        .Default<Compile>();
}
