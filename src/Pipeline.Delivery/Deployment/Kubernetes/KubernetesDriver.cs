using System.Net;
using k8s;
using k8s.Autorest;
using k8s.Models;

namespace Pipeline.Delivery;

/// <summary>
/// Deploys to Kubernetes: server-side applies a Deployment and a Service with the new image, waits
/// for the rollout, and on failure prints the pods' state and events, rolls back to the previous
/// revision and fails.
/// </summary>
internal sealed class KubernetesDriver(KubernetesSettings settings) : IDeploymentDriver
{
    public string Name => "kubernetes";

    public async Task<DeploymentResult> DeployAsync(Deployment request, TargetContext context)
    {
        ArgumentNullException.ThrowIfNull(request);
        ArgumentNullException.ThrowIfNull(context);
        using var client = new Kubernetes(settings.Connection.ToClientConfiguration());
        var cancellation = context.Cancellation;
        var name = request.Application;
        var ns = settings.Namespace;

        var before = await ReadOrNullAsync(() => client.AppsV1.ReadNamespacedDeploymentAsync(name, ns, cancellationToken: cancellation)).ConfigureAwait(false);
        var serviceBefore = await ReadOrNullAsync(() => client.CoreV1.ReadNamespacedServiceAsync(name, ns, cancellationToken: cancellation)).ConfigureAwait(false);

        context.Log.Info($"Applying deployment/{name} and service/{name} in namespace {ns} with image {request.Image}");
        var applied = await ApplyDeploymentAsync(client, settings, KubernetesManifests.Deployment(request, settings), cancellation).ConfigureAwait(false);
        var service = await client.CoreV1.PatchNamespacedServiceAsync(
            new V1Patch(KubernetesManifests.Service(request, settings), V1Patch.PatchType.ApplyPatch),
            name, ns, fieldManager: settings.FieldManager, force: true, cancellationToken: cancellation).ConfigureAwait(false);

        var unchanged = before is not null && before.Metadata.Generation == applied.Metadata.Generation
            && serviceBefore is not null && serviceBefore.Metadata.ResourceVersion == service.Metadata.ResourceVersion;
        context.Log.Info(unchanged
            ? $"deployment/{name} unchanged (generation {applied.Metadata.Generation})"
            : $"deployment/{name} configured (generation {applied.Metadata.Generation})");

        var watcher = new RolloutWatcher(client, settings, context);
        var status = await watcher.WaitAsync(name).ConfigureAwait(false);
        if (status.Phase != RolloutPhase.Complete)
        {
            await new RolloutDiagnostics(client, ns, context.Log).PrintAsync(applied, cancellation).ConfigureAwait(false);
            var undo = await new RolloutUndo(client, settings, context.Log).UndoAsync(request, applied, cancellation).ConfigureAwait(false);
            throw new DeploymentFailedException(
                $"Rollout of {request.Image} to deployment/{name} in namespace {ns} failed: {status.Description}. {undo}");
        }

        var url = settings.PublicUrl ?? new Uri($"http://{name}.{ns}.svc.cluster.local:{settings.ServicePort}");
        return unchanged
            ? new DeploymentResult(DeploymentOutcome.Unchanged, url, $"unchanged: deployment/{name} already runs {request.Image}")
            : new DeploymentResult(DeploymentOutcome.Updated, url, $"deployment/{name} rolled out {request.Image} ({status.Description})");
    }

    /// <summary>Server-side apply: the server merges the fields we own and bumps the generation only when the spec changed.</summary>
    internal static Task<V1Deployment> ApplyDeploymentAsync(IKubernetes client, KubernetesSettings settings, V1Deployment deployment, CancellationToken cancellation) =>
        client.AppsV1.PatchNamespacedDeploymentAsync(
            new V1Patch(deployment, V1Patch.PatchType.ApplyPatch),
            deployment.Metadata.Name, settings.Namespace, fieldManager: settings.FieldManager, force: true, cancellationToken: cancellation);

    /// <summary>The object, or null when the API answers 404.</summary>
    internal static async Task<T?> ReadOrNullAsync<T>(Func<Task<T>> read) where T : class
    {
        try
        {
            return await read().ConfigureAwait(false);
        }
        catch (HttpOperationException e) when (e.Response.StatusCode == HttpStatusCode.NotFound)
        {
            return null;
        }
    }
}
