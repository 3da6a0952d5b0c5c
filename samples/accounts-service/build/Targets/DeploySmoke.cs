using Pipeline;
using Pipeline.Delivery;

namespace AccountsService.Build;

/// <summary>
/// Deploys the pushed images (pinned by digest) to the throwaway "smoke" environment: its PostgreSQL and
/// Redis started fresh on a Docker network, the executor and the service beside them, the service
/// published on 127.0.0.1.
/// </summary>
public sealed class DeploySmoke : DeployStagingTarget
{
    public const string Environment = "smoke";

    protected override string Application => "accounts-service";

    protected override string EnvironmentName => Environment;

    protected override LocalDockerSettings LocalDocker => new(ContainerPort: 8080) { RunArguments = SmokeEnvironment.ServiceArguments };

    protected override ImageReference ImageToDeploy(TargetContext context) =>
        PushedImages.At(context.RootDirectory)[BuildApi.Image.Name].Pinned;

    protected override void Extend(TargetSpec target) =>
        target.DependsOn<Push>().Consumes(PushedImages.Artifact); // the digest Push read back, in CI from its job

    protected override async Task RunAsync(TargetContext context)
    {
        ArgumentNullException.ThrowIfNull(context);
        await SmokeEnvironment.StartAsync(context, $"{Application}-{EnvironmentName}"); // the driver's default container name
        await SmokeEnvironment.StartExecutorAsync(context, PushedImages.At(context.RootDirectory)[BuildExecutor.Image.Name].Pinned);
        await base.RunAsync(context);
    }
}
