using k8s;

namespace Pipeline.Delivery;

/// <summary>Polls a Deployment until its rollout completes, fails, or the timeout passes (on the run's clock).</summary>
internal sealed class RolloutWatcher(IKubernetes client, KubernetesSettings settings, TargetContext context)
{
    public async Task<RolloutStatus> WaitAsync(string name)
    {
        using var expiry = new CancellationTokenSource(settings.RolloutTimeout, context.Clock);
        using var timeout = CancellationTokenSource.CreateLinkedTokenSource(context.Cancellation, expiry.Token);
        string? lastDescription = null;
        while (true)
        {
            var deployment = await client.AppsV1.ReadNamespacedDeploymentAsync(name, settings.Namespace, cancellationToken: context.Cancellation).ConfigureAwait(false);
            var status = RolloutStatus.Of(deployment);
            if (status.Description != lastDescription)
            {
                context.Log.Info($"rollout: {status.Description}");
                lastDescription = status.Description;
            }

            if (status.Phase != RolloutPhase.Progressing)
            {
                return status;
            }

            try
            {
                await Task.Delay(settings.PollInterval, context.Clock, timeout.Token).ConfigureAwait(false);
            }
            catch (OperationCanceledException) when (!context.Cancellation.IsCancellationRequested)
            {
                return new RolloutStatus(RolloutPhase.Failed, $"not complete after {settings.RolloutTimeout.TotalSeconds:0.#} s ({status.Description})");
            }
        }
    }
}
