using Pipeline.Delivery.Tests.Deployment.Kubernetes;
using Pipeline.Delivery.Tests.Support;

namespace Pipeline.Delivery.Tests.Deployment;

/// <summary>A deploy target that asks for <see cref="DeploymentStrategy.BlueGreen"/>: the driver it gets, and the rollback it records.</summary>
public sealed class BlueGreenDeployTargetSpecs
{
    private const string V1 = "127.0.0.1:5000/api:1.0.0";
    private const string V2 = "127.0.0.1:5000/api:2.0.0";

    [Fact]
    public async Task A_rollback_fails_the_target_and_is_recorded_as_what_the_environment_now_runs()
    {
        using var api = new FakeKubernetesApi { PollsUntilAvailable = 1 };
        using var apps = new FakeColorApps(api, "production", "api");
        apps.Answer = (image, _, viaPublic) => image == V2 && viaPublic ? new FakeResponse(502, "upstream connect error", "text/plain") : new FakeResponse(200, "ok", "text/plain");
        var cluster = new Cluster(KubernetesBlueGreenSpecs.Settings(api, apps) with { Namespace = "production" });

        var first = await RunAsync(cluster, V1);
        var second = await RunAsync(cluster, V2);

        Assert.True(first.Run.Succeeded, first.Run.Output);
        Assert.Equal((DeploymentOutcome.Updated, DeploymentColor.Blue, V1), (first.Recorded!.Outcome, first.Recorded.Color, first.Recorded.Image));
        Assert.Equal(ExitCodes.TargetFailed, second.Run.ExitCode);
        Assert.Contains("GET /health answered 502 BadGateway \"upstream connect error\"", second.Run.Output, StringComparison.Ordinal);
        Assert.Contains("rolled back: service/api points at blue again", second.Run.Output, StringComparison.Ordinal);
        Assert.DoesNotContain("   at ", second.Run.Output, StringComparison.Ordinal);
        Assert.Equal((DeploymentOutcome.RolledBack, DeploymentColor.Blue, V1, apps.PublicUrl), (second.Recorded!.Outcome, second.Recorded.Color, second.Recorded.Image, second.Recorded.Url));
        Assert.Equal("blue", api.Service("production", "api")!.Spec.Selector["color"]);
    }

    [Fact]
    public async Task Blue_green_with_the_gitops_driver_is_a_clear_error()
    {
        var run = await TargetHarness.RunPipelineAsync(
            new PipelineBuilder().Add<BlueGreenProduction>().Provide(new Cluster(new KubernetesSettings("production", 8080))),
            nameof(BlueGreenProduction),
            new Dictionary<string, string> { ["DEPLOY_IMAGE"] = V1, ["DEPLOY_DRIVER"] = "GitOps" });

        Assert.Equal(ExitCodes.TargetFailed, run.ExitCode);
        Assert.Contains("BlueGreenProduction asks for a blue-green deployment, which the GitOps driver cannot do", run.Output, StringComparison.Ordinal);
    }

    private static async Task<(HarnessRun Run, DeployedEnvironment? Recorded)> RunAsync(Cluster cluster, string image)
    {
        var run = await TargetHarness.RunPipelineAsync(
            new PipelineBuilder().Add<AfterProduction>().Provide(cluster),
            nameof(AfterProduction),
            new Dictionary<string, string> { ["DEPLOY_IMAGE"] = image, ["DEPLOY_DRIVER"] = "Kubernetes" });
        return (run, cluster.Recorded);
    }
}

/// <summary>The cluster the targets deploy to, and what the target after the deploy found recorded.</summary>
public sealed class Cluster(KubernetesSettings settings)
{
    public KubernetesSettings Settings { get; } = settings;

    public DeployedEnvironment? Recorded { get; set; }
}

/// <summary>A production deploy with the blue-green strategy and fast health checks.</summary>
public sealed class BlueGreenProduction(Cluster cluster) : DeployStagingTarget
{
    protected override string Application => "api";

    protected override string EnvironmentName => "production";

    protected override DeploymentStrategy Strategy => KubernetesBlueGreenSpecs.FastStrategy;

    protected override KubernetesSettings? Kubernetes => cluster.Settings;

    protected override GitOpsSettings? GitOps => new("https://example.invalid/gitops.git", "main", "apps/api/values.yaml");
}

/// <summary>Runs after the deploy, failed or not, and reads what the environment's record says.</summary>
public sealed class AfterProduction(Cluster cluster, DeployedEnvironments deployed) : Target
{
    protected override void Configure(TargetSpec target) => target.DependsOn<BlueGreenProduction>().AssuredAfterFailure();

    protected override Task RunAsync(TargetContext context)
    {
        cluster.Recorded = deployed.Last("production");
        return Task.CompletedTask;
    }
}
