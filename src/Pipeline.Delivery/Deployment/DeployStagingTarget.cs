namespace Pipeline.Delivery;

/// <summary>
/// Deploys one application's image to staging with the driver <c>--deploy-driver</c> picks
/// (Local Docker unless configured), and under GitHub Actions records the deployment on GitHub.
/// Where it answers is kept for later targets in <see cref="DeployedEnvironments"/>.
/// Subclass it with a few typed lines:
/// <code>
/// public sealed class DeployStaging : DeployStagingTarget
/// {
///     protected override string Application => "api";
///     protected override LocalDockerSettings LocalDocker => new(ContainerPort: 8080);
///     protected override KubernetesSettings? Kubernetes => new("staging", ContainerPort: 8080);
///     protected override void Extend(TargetSpec target) => target.DependsOn&lt;PushImages&gt;();
/// }
/// </code>
/// </summary>
public abstract class DeployStagingTarget : Target
{
    /// <summary>The application's name: the container, Deployment and commit message use it.</summary>
    protected abstract string Application { get; }

    protected virtual string EnvironmentName => "staging";

    /// <summary>The embedded default: a container on 127.0.0.1 answering on port 8080.</summary>
    protected virtual LocalDockerSettings LocalDocker => new(ContainerPort: 8080);

    /// <summary>Settings for <see cref="DeploymentDriverKind.Kubernetes"/>; null when this pipeline does not deploy to a cluster.</summary>
    protected virtual KubernetesSettings? Kubernetes => null;

    /// <summary>
    /// How the drivers replace what runs: <see cref="DeploymentStrategy.Rolling"/> (the default) or
    /// <see cref="DeploymentStrategy.BlueGreen"/> (Kubernetes and local Docker; a GitOps controller owns its own strategy).
    /// <code>protected override DeploymentStrategy Strategy => DeploymentStrategy.BlueGreen with { HealthPaths = ["/healthz"] };</code>
    /// </summary>
    protected virtual DeploymentStrategy Strategy => DeploymentStrategy.Rolling;

    /// <summary>Settings for <see cref="DeploymentDriverKind.GitOps"/>; null when this pipeline has no GitOps repository.</summary>
    protected virtual GitOpsSettings? GitOps => null;

    /// <summary>
    /// The GitOps settings for this run: by default <see cref="GitOps"/>; override when they come from a
    /// parameter (the repository's address differs between a laptop and CI).
    /// </summary>
    protected virtual GitOpsSettings? GitOpsFor(TargetContext context) => GitOps;

    /// <summary>
    /// The application this run deploys: <see cref="Application"/> unless overridden. A matrix deploy
    /// (one cell per service) names each cell's from <c>context.Matrix</c>.
    /// </summary>
    protected virtual string ApplicationFor(TargetContext context) => Application;

    /// <summary>The environment this run deploys to (its record, its lock): <see cref="EnvironmentName"/> unless overridden per matrix cell.</summary>
    protected virtual string EnvironmentFor(TargetContext context) => EnvironmentName;

    /// <summary>The cluster settings of this run: <see cref="Kubernetes"/> unless overridden per matrix cell (its public address, say).</summary>
    protected virtual KubernetesSettings? KubernetesFor(TargetContext context) => Kubernetes;

    /// <summary>The image to deploy. By default <c>--deploy-image</c>; override to take the image another target built.</summary>
    protected virtual ImageReference ImageToDeploy(TargetContext context)
    {
        ArgumentNullException.ThrowIfNull(context);
        return context.Parameters.TryGet(DeploymentParameters.DeployImage, out var text) && !string.IsNullOrWhiteSpace(text)
            ? ImageReference.Parse(text)
            : throw new DeploymentFailedException($"No image to deploy: pass {DeploymentParameters.DeployImage} <image> (or override {nameof(ImageToDeploy)}).");
    }

    /// <summary>Declares the deployment parameters and secrets the drivers read, then what <see cref="Extend"/> adds.</summary>
    protected sealed override void Configure(TargetSpec target)
    {
        ArgumentNullException.ThrowIfNull(target);
        target.Description($"Deploys {Application} to {EnvironmentName}");
        target.Publishes(); // what it deploys must not come from a cache another run wrote
        target.Reads(DeploymentParameters.DeployDriver);
        target.Reads(DeploymentParameters.DeployImage);
        target.Reads(DeploymentParameters.KubeconfigData);
        target.Reads(DeploymentParameters.GitopsToken);
        target.Reads(CommonParameters.GitHubToken);
        Extend(target);
    }

    /// <summary>
    /// What this pipeline adds to the DeployStaging target: relations, conditions, a description of its own.
    /// Called after the base's declarations, which it cannot drop.
    /// <code>protected override void Extend(TargetSpec target) => target.DependsOn&lt;PushImages&gt;();</code>
    /// </summary>
    protected virtual void Extend(TargetSpec target)
    {
    }

    protected override async Task RunAsync(TargetContext context)
    {
        ArgumentNullException.ThrowIfNull(context);
        var github = context.GitHub;
        var request = new Deployment(ApplicationFor(context), ImageToDeploy(context), EnvironmentFor(context)) { Revision = github.IsActions ? github.Sha : null };
        var driver = CreateDriver(context.Get(DeploymentParameters.DeployDriver), context);

        // Two deploys to one environment at once would fight over it (the same container name): one waits.
        using var turn = await DeploymentLock.AcquireAsync(context.RootDirectory, request.Environment, context).ConfigureAwait(false);
        context.Log.Info($"Deploying {request.Image} to {request.Environment} with the {driver.Name} driver");

        var recorder = GitHubDeploymentRecorder.For(github, context.Parameters.TryGet(CommonParameters.GitHubToken, out var token) ? token : null);
        var deploymentId = recorder is null ? null : await RecordAsync(context, () => recorder.StartAsync(request)).ConfigureAwait(false);

        DeploymentResult result;
        try
        {
            result = await driver.DeployAsync(request, context).ConfigureAwait(false);
        }
        catch (Exception e)
        {
            if (e is DeploymentFailedException { Result: { } undone })
            {
                // Switched back: later targets (and the next deploy) must see what answers now.
                DeployedEnvironments.In(context.RootDirectory).Record(request, undone, driver.Name);
            }

            if (recorder is not null && deploymentId is { } failedId)
            {
                await RecordAsync(context, () => recorder.FinishAsync(failedId, succeeded: false, null, e.Message.Split('\n')[0])).ConfigureAwait(false);
            }

            throw;
        }

        if (recorder is not null && deploymentId is { } id)
        {
            await RecordAsync(context, () => recorder.FinishAsync(id, succeeded: true, result.Url, result.Summary)).ConfigureAwait(false);
        }

        DeployedEnvironments.In(context.RootDirectory).Record(request, result, driver.Name);
        context.Log.Info(result.Url is null ? result.Summary : $"{result.Summary}; answers at {result.Url}");
        context.Report(DeliveryReportSections.Deployed(request, result, driver.Name));
    }

    /// <summary>Makes the driver for <paramref name="kind"/> from this target's typed settings.</summary>
    protected virtual IDeploymentDriver CreateDriver(DeploymentDriverKind kind, TargetContext context)
    {
        ArgumentNullException.ThrowIfNull(context);
        var blueGreen = Strategy as BlueGreenStrategy;
        return kind switch
        {
            DeploymentDriverKind.LocalDocker when blueGreen is not null => new LocalDockerBlueGreenDriver(LocalDocker, blueGreen),
            DeploymentDriverKind.LocalDocker => new LocalDockerDriver(LocalDocker),
            DeploymentDriverKind.Kubernetes when blueGreen is not null =>
                new KubernetesBlueGreenDriver(WithSecretKubeconfig(KubernetesFor(context) ?? throw NotConfigured(kind, nameof(Kubernetes)), context), blueGreen),
            DeploymentDriverKind.Kubernetes => new KubernetesDriver(WithSecretKubeconfig(KubernetesFor(context) ?? throw NotConfigured(kind, nameof(Kubernetes)), context)),
            DeploymentDriverKind.GitOps when blueGreen is not null => throw new DeploymentFailedException(
                $"{GetType().Name} asks for a blue-green deployment, which the GitOps driver cannot do (the cluster's controller rolls out): use Kubernetes or LocalDocker, or the rolling strategy."),
            DeploymentDriverKind.GitOps => new GitOpsDriver(
                GitOpsFor(context) ?? throw NotConfigured(kind, nameof(GitOps)),
                context.Parameters.TryGet(DeploymentParameters.GitopsToken, out var token) ? token : null),
            _ => throw new ArgumentOutOfRangeException(nameof(kind), kind, "Unknown deployment driver."),
        };
    }

    /// <summary>A kubeconfig given as a secret wins over the file the settings name (see <see cref="KubeconfigOfRun"/>).</summary>
    private static KubernetesSettings WithSecretKubeconfig(KubernetesSettings settings, TargetContext context) =>
        settings with { Connection = KubeconfigOfRun.Connection(context, settings.Connection) };

    private DeploymentFailedException NotConfigured(DeploymentDriverKind kind, string property) =>
        new($"{DeploymentParameters.DeployDriver} is {kind}, but {GetType().Name} does not override {property}: give it the {property} settings.");

    /// <summary>The GitHub record is a report, not the deployment: when GitHub refuses, say so and carry on.</summary>
    private static async Task<T?> RecordAsync<T>(TargetContext context, Func<Task<T>> call) where T : struct
    {
        try
        {
            return await call().ConfigureAwait(false);
        }
        catch (Exception e) when (e is Octokit.ApiException or HttpRequestException)
        {
            context.Log.Warning($"Could not record the deployment on GitHub: {e.Message}");
            return null;
        }
    }

    private static async Task RecordAsync(TargetContext context, Func<Task> call) =>
        await RecordAsync(context, async () =>
        {
            await call().ConfigureAwait(false);
            return 0;
        }).ConfigureAwait(false);
}
