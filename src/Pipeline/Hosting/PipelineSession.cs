using Pipeline.Planning;

namespace Pipeline.Hosting;

/// <summary>One run's built pipeline: graph, parameter values and dependencies.</summary>
internal sealed record PipelineSession(TargetGraph Graph, ParameterValues Parameters, Dependencies Dependencies, PipelineEnvironment Environment);
