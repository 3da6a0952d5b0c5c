using Pipeline.Delivery.Tests.Support;

namespace Pipeline.Delivery.Tests.Deployment.GitHub;

/// <summary>
/// <see cref="DeployStagingTarget"/>: the driver it picks, and the GitHub deployment it records
/// under GitHub Actions (Octokit against <see cref="FakeGitHubApi"/> on 127.0.0.1).
/// </summary>
public sealed class DeployStagingTargetSpecs
{
    private const string Sha = "3f2a1bc9d8e7f6a5b4c3d2e1f0a9b8c7d6e5f4a3";

    [Fact]
    public async Task Under_github_actions_records_the_deployment_in_progress_then_success_with_its_url()
    {
        using var github = new FakeGitHubApi();
        var probe = new DriverProbe(fail: false);

        var run = await RunAsync(probe, GitHubActions(github));

        Assert.True(run.Succeeded, run.Output);
        var calls = github.Calls;
        Assert.Equal(
            ["POST /repos/acme/shop/deployments", "POST /repos/acme/shop/deployments/42/statuses", "POST /repos/acme/shop/deployments/42/statuses"],
            calls.Select(c => c.Call));
        var deployment = calls[0].Body;
        Assert.Equal(Sha, (string?)deployment["ref"]);
        Assert.Equal("staging", (string?)deployment["environment"]);
        Assert.False((bool?)deployment["auto_merge"]);
        Assert.Empty(deployment["required_contexts"]!.AsArray());
        Assert.Equal("in_progress", (string?)calls[1].Body["state"]);
        Assert.Equal("https://github.com/acme/shop/actions/runs/777", (string?)calls[1].Body["log_url"]);
        Assert.Equal("success", (string?)calls[2].Body["state"]);
        Assert.Equal("http://127.0.0.1:18080/", (string?)calls[2].Body["environment_url"]);
        Assert.All(calls, c => Assert.Contains(FakeGitHubApi.Token, c.Authorization, StringComparison.Ordinal));
        Assert.DoesNotContain(FakeGitHubApi.Token, run.ShownOutput, StringComparison.Ordinal);
        Assert.Equal(("api", "127.0.0.1:5000/api:3f2a1bc", "staging", Sha), (probe.Request!.Application, probe.Request.Image.ToString(), probe.Request.Environment, probe.Request.Revision));
    }

    [Fact]
    public async Task A_failed_deployment_is_recorded_as_failure_and_fails_the_target()
    {
        using var github = new FakeGitHubApi();

        var run = await RunAsync(new DriverProbe(fail: true), GitHubActions(github));

        Assert.False(run.Succeeded);
        Assert.Contains("rollout did not complete", run.Output, StringComparison.Ordinal);
        Assert.Equal(["in_progress", "failure"], github.Calls.Skip(1).Select(c => (string?)c.Body["state"]));
        Assert.Equal("rollout did not complete", (string?)github.Calls[2].Body["description"]);
        Assert.DoesNotContain(FakeGitHubApi.Token, run.ShownOutput, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Outside_github_actions_records_nothing_and_local_docker_is_the_default_driver()
    {
        using var github = new FakeGitHubApi();
        var variables = GitHubActions(github);
        variables.Remove("GITHUB_ACTIONS");
        var probe = new DriverProbe(fail: false);

        var run = await RunAsync(probe, variables);

        Assert.True(run.Succeeded, run.Output);
        Assert.Empty(github.Calls);
        Assert.IsType<LocalDockerDriver>(probe.Chosen);
    }

    [Fact]
    public async Task Keeps_where_the_deployment_answers_for_later_targets()
    {
        var probe = new DriverProbe(fail: false);
        Uri? seenLater = null;
        probe.Later = url => seenLater = url;

        var run = await RunAsync(probe, new Dictionary<string, string> { ["DEPLOY_IMAGE"] = "127.0.0.1:5000/api:3f2a1bc" }, withSmoke: true);

        Assert.True(run.Succeeded, run.Output);
        Assert.Equal(new Uri("http://127.0.0.1:18080/"), seenLater);
    }

    [Theory]
    [InlineData("Kubernetes", typeof(KubernetesDriver))]
    [InlineData("GitOps", typeof(GitOpsDriver))]
    public async Task The_deploy_driver_parameter_picks_the_driver_from_the_typed_settings(string kind, Type expected)
    {
        var probe = new DriverProbe(fail: false);

        var run = await RunAsync(probe, new Dictionary<string, string> { ["DEPLOY_IMAGE"] = "127.0.0.1:5000/api:3f2a1bc", ["DEPLOY_DRIVER"] = kind });

        Assert.True(run.Succeeded, run.Output);
        Assert.IsType(expected, probe.Chosen);
    }

    [Fact]
    public async Task A_driver_without_settings_is_a_clear_error()
    {
        var run = await TargetHarness.RunPipelineAsync(
            new PipelineBuilder().Add<MinimalDeploy>(),
            nameof(MinimalDeploy),
            new Dictionary<string, string> { ["DEPLOY_IMAGE"] = "127.0.0.1:5000/api:1", ["DEPLOY_DRIVER"] = "kubernetes" });

        Assert.False(run.Succeeded);
        Assert.Contains("--deploy-driver is Kubernetes, but MinimalDeploy does not override Kubernetes", run.Output, StringComparison.Ordinal);
        Assert.DoesNotContain("   at ", run.Output, StringComparison.Ordinal);
    }

    [Fact]
    public async Task No_image_to_deploy_is_an_expected_failure_in_one_line_without_a_stack_trace()
    {
        var run = await TargetHarness.RunPipelineAsync(new PipelineBuilder().Add<MinimalDeploy>(), nameof(MinimalDeploy), new Dictionary<string, string>());

        Assert.Equal(ExitCodes.TargetFailed, run.ExitCode);
        Assert.Contains("No image to deploy: pass --deploy-image <image> (or override ImageToDeploy).", run.Output, StringComparison.Ordinal);
        Assert.DoesNotContain("   at ", run.Output, StringComparison.Ordinal);
        Assert.DoesNotContain("Exception", run.Output, StringComparison.Ordinal);
    }

    private static Dictionary<string, string> GitHubActions(FakeGitHubApi github) => new()
    {
        ["GITHUB_ACTIONS"] = "true",
        ["GITHUB_REPOSITORY"] = "acme/shop",
        ["GITHUB_SHA"] = Sha,
        ["GITHUB_API_URL"] = github.ApiUrl.ToString(),
        ["GITHUB_SERVER_URL"] = "https://github.com",
        ["GITHUB_RUN_ID"] = "777",
        ["GITHUB_TOKEN"] = FakeGitHubApi.Token,
        ["DEPLOY_IMAGE"] = "127.0.0.1:5000/api:3f2a1bc",
    };

    private static Task<HarnessRun> RunAsync(DriverProbe probe, IReadOnlyDictionary<string, string> variables, bool withSmoke = false) =>
        withSmoke
            ? TargetHarness.RunPipelineAsync(new PipelineBuilder().Add<AfterDeploy>().Provide(probe), nameof(AfterDeploy), variables)
            : TargetHarness.RunPipelineAsync(new PipelineBuilder().Add<ProbedDeploy>().Provide(probe), nameof(ProbedDeploy), variables);
}

/// <summary>Stands in for the real driver: records what it was asked and which driver the target chose.</summary>
public sealed class DriverProbe(bool fail) : IDeploymentDriver
{
    public Pipeline.Delivery.Deployment? Request { get; private set; }

    public IDeploymentDriver? Chosen { get; set; }

    /// <summary>What a target after the deployment does with the URL it finds.</summary>
    public Action<Uri?> Later { get; set; } = _ => { };

    public string Name => "probe";

    public Task<DeploymentResult> DeployAsync(Pipeline.Delivery.Deployment request, TargetContext context)
    {
        Request = request;
        return fail
            ? throw new DeploymentFailedException("rollout did not complete\npods: ImagePullBackOff")
            : Task.FromResult(new DeploymentResult(DeploymentOutcome.Updated, new Uri("http://127.0.0.1:18080/"), "deployed"));
    }
}

/// <summary>A user's DeployStaging with settings for every driver; the probe stands in for whichever is chosen.</summary>
public sealed class ProbedDeploy(DriverProbe probe) : DeployStagingTarget
{
    protected override string Application => "api";

    protected override KubernetesSettings? Kubernetes => new("staging", ContainerPort: 8080);

    protected override GitOpsSettings? GitOps => new("https://example.invalid/gitops.git", "main", "apps/api/values.yaml");

    protected override IDeploymentDriver CreateDriver(DeploymentDriverKind kind, TargetContext context)
    {
        probe.Chosen = base.CreateDriver(kind, context);
        return probe;
    }
}

/// <summary>A target after the deployment (a smoke test) that reads where it answers.</summary>
public sealed class AfterDeploy(DeployedEnvironments deployed, DriverProbe probe) : Target
{
    protected override void Configure(TargetSpec target) => target.DependsOn<ProbedDeploy>();

    protected override Task RunAsync(TargetContext context)
    {
        probe.Later(deployed.UrlOf("staging"));
        return Task.CompletedTask;
    }
}

/// <summary>A user's DeployStaging that configures nothing but its application.</summary>
public sealed class MinimalDeploy : DeployStagingTarget
{
    protected override string Application => "api";
}
