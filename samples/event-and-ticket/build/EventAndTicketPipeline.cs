using Pipeline;
using Pipeline.Components.Services;
using Pipeline.GitHubActions;

namespace EventAndTicket.Build;

/// <summary>The two services' whole pipeline; tests run it in-process against a copy of the sample.</summary>
public static class EventAndTicketPipeline
{
    public static PipelineBuilder Create() => new PipelineBuilder()
        .Add<Format>()
        .Add<Lint>()
        .Add<Test>()
        .Add<Coverage>()
        .Add<Compile>()
        .Add<BuildImages>()
        .Add<Push>()
        .Add<PrepareGitOps>()
        .Add<DeployEvents>()
        .Add<DeployTickets>()
        .Add<Deploy>()
        .Default<Deploy>() // every gate, both images built and pushed, both bumped in the GitOps repository
        .UseTestcontainers()
        .Workflows(w => w.Add<Ci>());
}
