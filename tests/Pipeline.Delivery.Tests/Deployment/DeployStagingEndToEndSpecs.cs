using Pipeline.Delivery.Tests.Deployment.GitHub;
using Pipeline.Delivery.Tests.Deployment.Kubernetes;
using Pipeline.Delivery.Tests.Support;

namespace Pipeline.Delivery.Tests.Deployment;

/// <summary>
/// DeployStaging as CI runs it: the Kubernetes driver with the kubeconfig from a secret, the
/// deployment recorded on GitHub. Both APIs are fakes on 127.0.0.1 (none is reachable here).
/// </summary>
public sealed class DeployStagingEndToEndSpecs
{
    [Fact]
    public async Task Deploys_to_kubernetes_with_a_base64_kubeconfig_from_a_secret_and_records_it_on_github()
    {
        using var cluster = new FakeKubernetesApi { PollsUntilAvailable = 2 };
        using var github = new FakeGitHubApi();
        var variables = new Dictionary<string, string>
        {
            ["GITHUB_ACTIONS"] = "true",
            ["GITHUB_REPOSITORY"] = "acme/shop",
            ["GITHUB_SHA"] = "3f2a1bc9d8e7f6a5b4c3d2e1f0a9b8c7d6e5f4a3",
            ["GITHUB_API_URL"] = github.ApiUrl.ToString(),
            ["GITHUB_TOKEN"] = FakeGitHubApi.Token,
            ["DEPLOY_DRIVER"] = "Kubernetes",
            ["DEPLOY_IMAGE"] = "127.0.0.1:5000/shop:3f2a1bc",
            ["KUBECONFIG_DATA"] = Convert.ToBase64String(System.Text.Encoding.UTF8.GetBytes(cluster.Kubeconfig())),
        };

        var run = await TargetHarness.RunPipelineAsync(new PipelineBuilder().Add<ClusterDeploy>(), nameof(ClusterDeploy), variables);

        Assert.True(run.Succeeded, run.Output);
        Assert.Equal("127.0.0.1:5000/shop:3f2a1bc", cluster.Deployment("shop-staging", "shop")!.Spec.Template.Spec.Containers[0].Image);
        Assert.Equal(["in_progress", "success"], github.Calls.Skip(1).Select(c => (string?)c.Body["state"]));
        Assert.Equal("https://shop.staging.acme.test/", (string?)github.Calls[2].Body["environment_url"]);
        Assert.DoesNotContain(FakeKubernetesApi.Token, run.ShownOutput, StringComparison.Ordinal);
        Assert.DoesNotContain(FakeGitHubApi.Token, run.ShownOutput, StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_matrix_deploy_puts_each_cells_application_in_the_cluster_at_its_own_address()
    {
        using var cluster = new FakeKubernetesApi { PollsUntilAvailable = 1 };
        var variables = new Dictionary<string, string>
        {
            ["DEPLOY_DRIVER"] = "Kubernetes",
            ["DEPLOY_IMAGE"] = "127.0.0.1:5000/shop:3f2a1bc",
            ["KUBECONFIG_DATA"] = Convert.ToBase64String(System.Text.Encoding.UTF8.GetBytes(cluster.Kubeconfig())),
        };

        var run = await TargetHarness.RunPipelineAsync(new PipelineBuilder().Add<ServicesDeploy>(), nameof(ServicesDeploy), variables);

        Assert.True(run.Succeeded, run.Output);
        Assert.NotNull(cluster.Deployment("shop-staging", "cart"));
        Assert.NotNull(cluster.Deployment("shop-staging", "payments"));
        Assert.Null(cluster.Deployment("shop-staging", "shop"));
        Assert.Contains("answers at https://payments.staging.acme.test/", run.Output, StringComparison.Ordinal);
    }
}

/// <summary>One deployment per matrix cell: the application, its environment record and its address come from the cell.</summary>
public sealed class ServicesDeploy : DeployStagingTarget
{
    private static readonly MatrixAxis Service = MatrixAxis.Of("service", "cart", "payments");

    protected override string Application => "shop";

    protected override string ApplicationFor(TargetContext context) => context.Matrix!.Get(Service);

    protected override string EnvironmentFor(TargetContext context) => "staging-" + context.Matrix!.Get(Service);

    protected override KubernetesSettings? Kubernetes => new("shop-staging", ContainerPort: 8080)
    {
        RolloutTimeout = TimeSpan.FromSeconds(5),
        PollInterval = TimeSpan.FromMilliseconds(20),
    };

    protected override KubernetesSettings? KubernetesFor(TargetContext context) =>
        Kubernetes! with { PublicUrl = new Uri($"https://{context.Matrix!.Get(Service)}.staging.acme.test/") };

    protected override void Extend(TargetSpec target) => target.Matrix(Service);
}

/// <summary>A user's DeployStaging for a cluster: a few typed lines.</summary>
public sealed class ClusterDeploy : DeployStagingTarget
{
    protected override string Application => "shop";

    protected override KubernetesSettings? Kubernetes => new("shop-staging", ContainerPort: 8080)
    {
        PublicUrl = new Uri("https://shop.staging.acme.test/"),
        RolloutTimeout = TimeSpan.FromSeconds(5),
        PollInterval = TimeSpan.FromMilliseconds(20),
    };
}
