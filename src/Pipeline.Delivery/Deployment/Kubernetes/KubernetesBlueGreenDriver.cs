using k8s;
using k8s.Models;

namespace Pipeline.Delivery;

/// <summary>
/// Blue-green on Kubernetes. The live colour is the one the application's Service selects, read from
/// the cluster. The idle colour's Deployment gets the new image; once its rollout completes and it
/// answers its health checks, the Service's selector is switched to it. The health checks then keep
/// running on the live address; a failure switches the selector back. The old colour's Deployment is
/// never touched, so it still runs as it was: switching back is instant.
/// </summary>
internal sealed class KubernetesBlueGreenDriver(KubernetesSettings settings, BlueGreenStrategy strategy) : IDeploymentDriver
{
    public string Name => "kubernetes (blue-green)";

    public async Task<DeploymentResult> DeployAsync(Deployment request, TargetContext context)
    {
        ArgumentNullException.ThrowIfNull(request);
        ArgumentNullException.ThrowIfNull(context);
        using var client = new Kubernetes(settings.Connection.ToClientConfiguration());
        var cancellation = context.Cancellation;
        var ns = settings.Namespace;
        var service = request.Application;
        var publicUrl = settings.PublicUrl ?? new Uri($"http://{service}.{ns}.svc.cluster.local:{settings.ServicePort}");

        var live = BlueGreenManifests.ColorOf(await KubernetesDriver.ReadOrNullAsync(() => client.CoreV1.ReadNamespacedServiceAsync(service, ns, cancellationToken: cancellation)).ConfigureAwait(false));
        var liveDeployment = live is { } color
            ? await KubernetesDriver.ReadOrNullAsync(() => client.AppsV1.ReadNamespacedDeploymentAsync(BlueGreenManifests.NameOf(request, color), ns, cancellationToken: cancellation)).ConfigureAwait(false)
            : null;
        var liveImage = KubernetesManifests.ImageOf(liveDeployment?.Spec?.Template);
        context.Log.Info(live is null
            ? $"service/{service} in namespace {ns} selects no colour yet: this is the first blue-green deploy"
            : $"service/{service} in namespace {ns} selects {live.Value.Label()} ({liveImage ?? "no deployment"})");
        if (live is not null && liveImage == request.Image.ToString() && liveDeployment!.Spec.Replicas == settings.Replicas)
        {
            return new DeploymentResult(DeploymentOutcome.Unchanged, publicUrl, $"unchanged: {live.Value.Label()} already runs {request.Image}") { Color = live };
        }

        var idle = live?.Other() ?? DeploymentColor.Blue;
        var idleName = BlueGreenManifests.NameOf(request, idle);
        var keeps = live is null ? "nothing was live before" : $"service/{service} still points at {live.Value.Label()}";

        context.Log.Info($"Applying deployment/{idleName} and service/{idleName} with image {request.Image}");
        var applied = await KubernetesDriver.ApplyDeploymentAsync(client, settings, BlueGreenManifests.Deployment(request, settings, idle), cancellation).ConfigureAwait(false);
        await ApplyServiceAsync(client, BlueGreenManifests.Service(request, settings, idle, idleName), cancellation).ConfigureAwait(false);
        var rollout = await new RolloutWatcher(client, settings, context).WaitAsync(idleName).ConfigureAwait(false);
        if (rollout.Phase != RolloutPhase.Complete)
        {
            await new RolloutDiagnostics(client, ns, context.Log).PrintAsync(applied, cancellation).ConfigureAwait(false);
            throw new DeploymentFailedException($"Rollout of {request.Image} to deployment/{idleName} in namespace {ns} failed: {rollout.Description}; {keeps}.");
        }

        var idleUrl = settings.ColorUrl?.Invoke(idle) ?? new Uri($"http://{idleName}.{ns}.svc.cluster.local:{settings.ServicePort}");
        context.Log.Info($"Checking {idle.Label()} at {idleUrl} before it takes the traffic");
        if (await HealthCheck.WaitUntilHealthyAsync(idleUrl, strategy, context).ConfigureAwait(false) is { } notReady)
        {
            throw new DeploymentFailedException($"{idle.Label()} ({request.Image}) is {notReady}; {keeps}.");
        }

        await SwitchAsync(client, request, idle, cancellation).ConfigureAwait(false);
        context.Log.Info($"service/{service} switched to {idle.Label()}; checking {publicUrl} for {strategy.HealthWindow.TotalSeconds:0.#} s");
        if (await HealthCheck.WatchAsync(publicUrl, strategy, context).ConfigureAwait(false) is { } unhealthy)
        {
            var failed = $"Health check of {request.Image} on {idle.Label()} failed after the switch: {unhealthy}";
            if (live is not { } previous)
            {
                throw new DeploymentFailedException($"{failed}; nothing to roll back to (this was the first deploy), service/{service} still points at {idle.Label()}.");
            }

            await SwitchAsync(client, request, previous, cancellation).ConfigureAwait(false);
            var summary = $"rolled back: service/{service} points at {previous.Label()} again ({liveImage})";
            context.Log.Warning(summary);
            throw new DeploymentFailedException($"{failed}; {summary}.")
            {
                Result = new DeploymentResult(DeploymentOutcome.RolledBack, publicUrl, summary) { Color = previous, Image = liveImage },
            };
        }

        var kept = live is { } old ? $"; {old.Label()} kept at {liveDeployment?.Spec?.Replicas ?? 0} replicas ({liveImage}) for a rollback" : "";
        return new DeploymentResult(DeploymentOutcome.Updated, publicUrl, $"service/{service} switched from {live?.Label() ?? "nothing"} to {idle.Label()} ({request.Image}){kept}")
        {
            Color = idle,
        };
    }

    /// <summary>Points the application's Service at <paramref name="color"/>: the switch, and the switch back.</summary>
    private Task<V1Service> SwitchAsync(IKubernetes client, Deployment request, DeploymentColor color, CancellationToken cancellation) =>
        ApplyServiceAsync(client, BlueGreenManifests.Service(request, settings, color), cancellation);

    private Task<V1Service> ApplyServiceAsync(IKubernetes client, V1Service service, CancellationToken cancellation) =>
        client.CoreV1.PatchNamespacedServiceAsync(
            new V1Patch(service, V1Patch.PatchType.ApplyPatch),
            service.Metadata.Name, settings.Namespace, fieldManager: settings.FieldManager, force: true, cancellationToken: cancellation);
}
