namespace Pipeline.Delivery;

/// <summary>
/// Blue-green with local containers: <c>&lt;name&gt;-blue</c> and <c>&lt;name&gt;-green</c>. The live colour
/// is the one the environment's record (<see cref="DeployedEnvironments"/>) names, if its container
/// still runs. The idle colour's container starts with the new image and must answer its health
/// checks; then the record's address is switched to it, the checks run on that address for the health
/// window, and only then is the old colour's container stopped (kept: <c>docker start</c> brings it
/// back). A failed check after the switch points the record at the old colour again.
/// </summary>
internal sealed class LocalDockerBlueGreenDriver(LocalDockerSettings settings, BlueGreenStrategy strategy) : IDeploymentDriver
{
    /// <summary>The colour label on each container this driver starts.</summary>
    public const string ColorLabel = "pipeline.color";

    private readonly LocalDockerDriver _containers = new(settings);
    private readonly ToolCommand _docker = new("docker");

    public string Name => "local docker (blue-green)";

    public async Task<DeploymentResult> DeployAsync(Deployment request, TargetContext context)
    {
        ArgumentNullException.ThrowIfNull(request);
        ArgumentNullException.ThrowIfNull(context);
        var stem = settings.ContainerName ?? $"{request.Application}-{request.Environment}";
        string NameOf(DeploymentColor color) => $"{stem}-{color.Label()}";
        var environments = DeployedEnvironments.In(context.RootDirectory);
        var imageId = await _containers.ImageIdAsync(context, request.Image).ConfigureAwait(false);
        var specification = _containers.Specification(imageId);

        var record = environments.Last(request.Environment);
        var live = await LiveColorAsync(context, record, NameOf).ConfigureAwait(false);
        if (live is { } current && record?.Url is { } liveUrl
            && await StateAsync(context, NameOf(current)).ConfigureAwait(false) == $"{imageId} running {specification}")
        {
            return new DeploymentResult(DeploymentOutcome.Unchanged, liveUrl, $"unchanged: {NameOf(current)} already runs {request.Image}")
            {
                Container = NameOf(current),
                Color = current,
            };
        }

        var idle = live?.Other() ?? DeploymentColor.Blue;
        var idleName = NameOf(idle);
        var keeps = live is null ? "nothing was live before" : $"{request.Environment} still answers from {live.Value.Label()} at {record!.Url}";
        if (await StateAsync(context, idleName).ConfigureAwait(false) is not null)
        {
            context.Log.Info($"Removing the idle colour's old container {idleName}");
            await context.RunAsync(_docker.AddArguments("rm", "--force", idleName)).ConfigureAwait(false);
        }

        Uri idleUrl;
        try
        {
            idleUrl = await _containers.StartAsync(context, request, idleName, specification, $"{ColorLabel}={idle.Label()}").ConfigureAwait(false);
        }
        catch (DeploymentFailedException e)
        {
            throw new DeploymentFailedException($"{e.Message.Split('\n')[0]} ({keeps})", e);
        }

        context.Log.Info($"Checking {idle.Label()} at {idleUrl} before it takes the traffic");
        if (await HealthCheck.WaitUntilHealthyAsync(idleUrl, strategy, context).ConfigureAwait(false) is { } notReady)
        {
            await StopAsync(context, idleName).ConfigureAwait(false);
            throw new DeploymentFailedException($"{idle.Label()} ({request.Image}) is {notReady}; {keeps}.");
        }

        // The switch: later targets and the next deploy read the environment's address from this record.
        environments.Record(new DeployedEnvironment(request.Environment, request.Application, request.Image.ToString(), idleUrl, DeploymentOutcome.Updated, Name)
        {
            Container = idleName,
            Color = idle,
        });
        var answering = environments.UrlOf(request.Environment)!;
        context.Log.Info($"{request.Environment} switched to {idle.Label()}; checking {answering} for {strategy.HealthWindow.TotalSeconds:0.#} s");
        if (await HealthCheck.WatchAsync(answering, strategy, context).ConfigureAwait(false) is { } unhealthy)
        {
            var failed = $"Health check of {request.Image} on {idle.Label()} failed after the switch: {unhealthy}";
            if (live is not { } previous)
            {
                throw new DeploymentFailedException($"{failed}; nothing to roll back to (this was the first deploy), {idleName} keeps running.");
            }

            var restored = record! with { Outcome = DeploymentOutcome.RolledBack };
            environments.Record(restored);
            await StopAsync(context, idleName).ConfigureAwait(false);
            var summary = $"rolled back: {request.Environment} answers from {previous.Label()} again at {restored.Url} ({restored.Image})";
            context.Log.Warning(summary);
            throw new DeploymentFailedException($"{failed}; {summary}.")
            {
                Result = new DeploymentResult(DeploymentOutcome.RolledBack, restored.Url, summary) { Container = NameOf(previous), Color = previous, Image = restored.Image },
            };
        }

        var stopped = "";
        if (live is { } old)
        {
            await StopAsync(context, NameOf(old)).ConfigureAwait(false);
            stopped = $"; {NameOf(old)} stopped and kept (docker start {NameOf(old)} to roll back)";
        }

        return new DeploymentResult(DeploymentOutcome.Updated, idleUrl, $"{request.Environment} switched to {idle.Label()}: {idleName} runs {request.Image} at {idleUrl}{stopped}")
        {
            Container = idleName,
            Color = idle,
        };
    }

    /// <summary>The colour the record names, if its container still runs; otherwise none (said in the log, not assumed).</summary>
    private async Task<DeploymentColor?> LiveColorAsync(TargetContext context, DeployedEnvironment? record, Func<DeploymentColor, string> nameOf)
    {
        if (record?.Color is not { } color)
        {
            return null;
        }

        var state = await StateAsync(context, nameOf(color)).ConfigureAwait(false);
        if (state?.Split(' ') is [_, "running", ..])
        {
            return color;
        }

        context.Log.Warning($"The record says {color.Label()} is live, but {nameOf(color)} is {(state is null ? "gone" : "not running")}: deploying as if nothing were live");
        return null;
    }

    /// <summary><c>&lt;image id&gt; &lt;status&gt; &lt;specification&gt;</c> of a container, or null when there is none of that name.</summary>
    private async Task<string?> StateAsync(TargetContext context, string name)
    {
        var existing = await _containers.OutputAsync(context, "ps", "--all", "--filter", $"name=^/{name}$", "--format", "{{.ID}}").ConfigureAwait(false);
        return existing.Length == 0
            ? null
            : await _containers.OutputAsync(
                context, "inspect", "--format", $"{{{{.Image}}}} {{{{.State.Status}}}} {{{{index .Config.Labels \"{LocalDockerDriver.SpecificationLabel}\"}}}}", name).ConfigureAwait(false);
    }

    private async Task StopAsync(TargetContext context, string name) =>
        await context.RunAsync(_docker.AddArguments("stop", name)).ConfigureAwait(false);
}
