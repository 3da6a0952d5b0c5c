using System.Net;
using Pipeline;
using Pipeline.Delivery;

namespace RustWorkspace.Build;

/// <summary>Each deployed service, one matrix cell each: healthy and ready, then <c>/info</c> names it.</summary>
public sealed class Smoke : SmokeTarget
{
    protected override void Extend(TargetSpec target) => target
        .DependsOn<DeployStaging>()
        .Matrix(Services.Axis, maxParallel: Services.MaxParallel, failFast: false);

    // In CI the deploy ran in another job: the cell's staging address is the cluster's ingress for it.
    protected override Task<Uri?> DefaultAddressAsync(TargetContext context) =>
        Task.FromResult(DeployedEnvironments.In(context.RootDirectory).UrlOf(Services.StagingOf(Services.Of(context)))
            ?? (context.GitHub.IsActions ? Services.StagingUrl(Services.Of(context)) : null));

    protected override async Task<string?> RecentLogsAsync(TargetContext context) =>
        DeployedEnvironments.In(context.RootDirectory).Last(Services.StagingOf(Services.Of(context)))?.Container is { } container
            ? string.Join('\n', (await context.RunAsync(new ToolCommand("docker").AddArguments("logs", "--tail", "50", container).WithQuietOutput())).StandardOutput)
            : null;

    protected override async Task ScenarioAsync(SmokeClient client, TargetContext context)
    {
        var name = Services.Crate(Services.Of(context));
        (await client.GetAsync("/info")).Expect(HttpStatusCode.OK).Expect<Info>(i => i.Service == name, $"the service {name}");
        context.Log.Info($"{name} answers at {client.BaseAddress}");
    }

    private sealed record Info(string Service, string Version);
}
