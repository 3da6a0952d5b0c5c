using System.Net;
using Pipeline;
using Pipeline.Delivery;

namespace Build;

/// <summary>Waits for /health and /readyz, then checks what the deployed service answers.</summary>
public sealed class Smoke : SmokeTarget
{
    protected override void Extend(TargetSpec target) => target.DependsOn<DeployStaging>();

    protected override async Task ScenarioAsync(SmokeClient client, TargetContext context)
    {
        (await client.GetAsync("/")).Expect(HttpStatusCode.OK);
        context.Log.Info($"the service answers at {client.BaseAddress}");
    }
}
