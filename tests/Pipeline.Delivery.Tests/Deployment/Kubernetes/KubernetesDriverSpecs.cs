using Pipeline.Delivery.Tests.Support;

namespace Pipeline.Delivery.Tests.Deployment.Kubernetes;

/// <summary>The Kubernetes driver against <see cref="FakeKubernetesApi"/> on 127.0.0.1 (no API server can run here).</summary>
public sealed class KubernetesDriverSpecs
{
    private static readonly ImageReference V1 = ImageReference.Parse("127.0.0.1:5000/api:1.0.0");
    private static readonly ImageReference V2 = ImageReference.Parse("127.0.0.1:5000/api:2.0.0");

    [Fact]
    public async Task Applies_the_deployment_and_service_then_waits_until_the_rollout_is_available()
    {
        using var api = new FakeKubernetesApi { PollsUntilAvailable = 3 };

        var (run, result) = await DeployAsync(api, V1);

        Assert.True(run.Succeeded, run.Output);
        Assert.Equal(DeploymentOutcome.Updated, result!.Outcome);
        Assert.Equal(new Uri("http://api.staging.svc.cluster.local:80"), result.Url);
        Assert.Equal(V1.ToString(), api.Deployment("staging", "api")!.Spec.Template.Spec.Containers[0].Image);
        var applies = api.Requests.Where(r => r.Method == "PATCH").ToList();
        Assert.Equal(["/apis/apps/v1/namespaces/staging/deployments/api", "/api/v1/namespaces/staging/services/api"], applies.Select(r => r.Path));
        Assert.All(applies, r =>
        {
            Assert.StartsWith("application/apply-patch+yaml", r.ContentType, StringComparison.Ordinal);
            Assert.Equal("pipeline", r.Query["fieldManager"]);
            Assert.Equal("true", r.Query["force"]);
        });
        Assert.True(api.Requests.Count(r => r.Method == "GET" && r.Path.EndsWith("/deployments/api", StringComparison.Ordinal)) >= 3, "polled until available");
        Assert.Contains("rollout: 1 of 1 replicas available", run.Output, StringComparison.Ordinal);
        Assert.DoesNotContain(FakeKubernetesApi.Token, run.Output, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Applying_the_same_image_again_changes_nothing_and_says_unchanged()
    {
        using var api = new FakeKubernetesApi { PollsUntilAvailable = 1 };
        await DeployAsync(api, V1);
        var generation = api.Deployment("staging", "api")!.Metadata.Generation;

        var (run, result) = await DeployAsync(api, V1);

        Assert.True(run.Succeeded, run.Output);
        Assert.Equal(DeploymentOutcome.Unchanged, result!.Outcome);
        Assert.StartsWith("unchanged", result.Summary, StringComparison.Ordinal);
        Assert.Equal(generation, api.Deployment("staging", "api")!.Metadata.Generation);
        Assert.Equal(4, api.Requests.Count(r => r.Method == "PATCH"));
    }

    [Fact]
    public async Task A_rollout_that_never_becomes_available_prints_pods_and_events_and_rolls_back_to_the_previous_image()
    {
        using var api = new FakeKubernetesApi { PollsUntilAvailable = 1 };
        api.UnpullableImages.Add(V2.ToString());
        var (first, _) = await DeployAsync(api, V1);
        Assert.True(first.Succeeded, first.Output);

        var (run, result) = await DeployAsync(api, V2);

        Assert.False(run.Succeeded);
        Assert.Null(result);
        Assert.Contains("ImagePullBackOff", run.Output, StringComparison.Ordinal);
        Assert.Contains($"Failed to pull image \"{V2}\"", run.Output, StringComparison.Ordinal);
        Assert.Contains("Rollout of 127.0.0.1:5000/api:2.0.0 to deployment/api in namespace staging failed", run.Output, StringComparison.Ordinal);
        Assert.Contains($"Rolled back to revision 1 (image {V1})", run.Output, StringComparison.Ordinal);
        Assert.Equal([V1.ToString(), V2.ToString(), V1.ToString()], api.AppliedDeploymentImages);
        var deployment = api.Deployment("staging", "api")!;
        Assert.Equal(V1.ToString(), deployment.Spec.Template.Spec.Containers[0].Image);
        Assert.Equal("3", deployment.Metadata.Annotations["deployment.kubernetes.io/revision"]);
        Assert.DoesNotContain("pod-template-hash", api.Requests.Where(r => r.Method == "PATCH").Last(r => r.Path.Contains("/deployments/", StringComparison.Ordinal)).Body, StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_failed_first_rollout_says_there_is_nothing_to_roll_back_to()
    {
        using var api = new FakeKubernetesApi();
        api.UnpullableImages.Add(V1.ToString());

        var (run, _) = await DeployAsync(api, V1);

        Assert.False(run.Succeeded);
        Assert.Contains("There is no previous revision to roll back to.", run.Output, StringComparison.Ordinal);
        Assert.Single(api.AppliedDeploymentImages);
    }

    [Fact]
    public async Task Reaches_the_cluster_named_in_a_kubeconfig_file()
    {
        using var api = new FakeKubernetesApi { PollsUntilAvailable = 1 };
        var kubeconfig = Path.Combine(Path.GetTempPath(), $"kubeconfig-{Guid.NewGuid():N}");
        File.WriteAllText(kubeconfig, api.Kubeconfig());
        try
        {
            var (run, result) = await DeployAsync(api, V1, KubernetesConnection.FromKubeconfig(kubeconfig));

            Assert.True(run.Succeeded, run.Output);
            Assert.Equal(DeploymentOutcome.Updated, result!.Outcome);
            Assert.DoesNotContain(FakeKubernetesApi.Token, run.Output, StringComparison.Ordinal);
        }
        finally
        {
            File.Delete(kubeconfig);
        }
    }

    private static async Task<(HarnessRun Run, DeploymentResult? Result)> DeployAsync(FakeKubernetesApi api, ImageReference image, KubernetesConnection? connection = null)
    {
        var driver = new KubernetesDriver(new KubernetesSettings("staging", ContainerPort: 8080)
        {
            Connection = connection ?? api.Connection,
            RolloutTimeout = TimeSpan.FromSeconds(1),
            PollInterval = TimeSpan.FromMilliseconds(20),
        });
        DeploymentResult? result = null;
        var run = await TargetHarness.RunAsync(async context => result = await driver.DeployAsync(new Pipeline.Delivery.Deployment("api", image), context));
        return (run, result);
    }
}
