using System.Net;
using Pipeline;
using Pipeline.Delivery;

namespace StagedRelease.Build;

/// <summary>The staging gate: the deployed service answers its health check, its version and its catalogue.</summary>
public sealed class StagingTests : SmokeTarget
{
    protected override IReadOnlyList<string> ReadinessPaths => ["/health"];

    protected override void Extend(TargetSpec target) => target.DependsOn<DeployStaging>();

    protected override async Task ScenarioAsync(SmokeClient client, TargetContext context)
    {
        (await client.GetAsync("/version")).Expect(HttpStatusCode.OK).Expect<Version>(v => v.Value.Length > 0, "a version");
        var items = (await client.GetAsync("/items")).Expect(HttpStatusCode.OK).Expect<Item[]>(i => i.Length > 0, "a non-empty catalogue");
        (await client.GetAsync($"/items/{items[0].Id}")).Expect(HttpStatusCode.OK).Expect<Item>(i => i.Id == items[0].Id, $"item {items[0].Id}");
        (await client.GetAsync("/items/no-such-item")).Expect(HttpStatusCode.NotFound);
        context.Log.Info($"staging serves {items.Length} items at {client.BaseAddress}");
    }

    private sealed record Version([property: System.Text.Json.Serialization.JsonPropertyName("version")] string Value);

    private sealed record Item(string Id, string Title);
}
