using Pipeline.Delivery.Tests.Support;

namespace Pipeline.Delivery.Tests.Deployment.LocalDocker;

/// <summary>The local Docker driver with the real engine and an image built here from a static Go server.</summary>
public sealed class LocalDockerDriverSpecs
{
    [Fact]
    public async Task Runs_the_image_on_127_0_0_1_and_a_new_image_replaces_the_container()
    {
        Requirements.Docker();
        Requirements.Tool("go");
        using var images = new StaticServerImages();
        var first = images.Build("v1");
        var second = images.Build("v2");
        var application = "app" + Guid.NewGuid().ToString("N")[..6];
        var container = application + "-staging";
        var driver = new LocalDockerDriver(new LocalDockerSettings(StaticServerImages.Port));
        try
        {
            var (run, deployed) = await DeployAsync(driver, application, first);
            Assert.True(run.Succeeded, run.Output);
            Assert.Equal(DeploymentOutcome.Updated, deployed!.Outcome);
            Assert.Equal("127.0.0.1", deployed.Url!.Host);
            Assert.Equal("staging v1", await GetAsync(deployed.Url));

            var (again, replaced) = await DeployAsync(driver, application, second);
            Assert.True(again.Succeeded, again.Output);
            Assert.Equal(DeploymentOutcome.Updated, replaced!.Outcome);
            Assert.Equal("staging v2", await GetAsync(replaced.Url!));
            Assert.Single(StaticServerImages.Docker("ps", "--all", "--filter", $"name=^/{container}$", "--format", "{{.ID}}").Split('\n'));
            Assert.Equal(
                StaticServerImages.Docker("image", "inspect", "--format", "{{.Id}}", second.ToString()),
                StaticServerImages.Docker("inspect", "--format", "{{.Image}}", container));
            Assert.Equal($"{application} staging {second}", StaticServerImages.Docker(
                "inspect", "--format", "{{index .Config.Labels \"pipeline.application\"}} {{index .Config.Labels \"pipeline.environment\"}} {{index .Config.Labels \"pipeline.image\"}}", container));

            var (_, same) = await DeployAsync(driver, application, second);
            Assert.Equal(DeploymentOutcome.Unchanged, same!.Outcome);
        }
        finally
        {
            try
            {
                StaticServerImages.Docker("rm", "--force", container);
            }
            catch (InvalidOperationException)
            {
                // Never started: nothing to remove.
            }
        }
    }

    [Fact]
    public async Task The_same_image_with_other_run_arguments_is_redeployed()
    {
        Requirements.Docker();
        Requirements.Tool("go");
        using var images = new StaticServerImages();
        var image = images.Build("v1");
        var application = "app" + Guid.NewGuid().ToString("N")[..6];
        var container = application + "-staging";
        try
        {
            var (run, deployed) = await DeployAsync(new LocalDockerDriver(new LocalDockerSettings(StaticServerImages.Port)), application, image);
            Assert.True(run.Succeeded, run.Output);
            Assert.Equal("staging v1", await GetAsync(deployed!.Url!));

            var withEnvironment = new LocalDockerDriver(new LocalDockerSettings(StaticServerImages.Port) { RunArguments = ["--env", "GREETING= hello"] });
            var (again, redeployed) = await DeployAsync(withEnvironment, application, image);
            Assert.True(again.Succeeded, again.Output);
            Assert.Equal(DeploymentOutcome.Updated, redeployed!.Outcome);
            Assert.Equal("staging v1 hello", await GetAsync(redeployed.Url!));

            var (_, same) = await DeployAsync(withEnvironment, application, image);
            Assert.Equal(DeploymentOutcome.Unchanged, same!.Outcome);

            var withCommand = new LocalDockerDriver(new LocalDockerSettings(StaticServerImages.Port) { RunArguments = ["--env", "GREETING= hello"], Command = ["--verbose"] });
            var (third, commandChanged) = await DeployAsync(withCommand, application, image);
            Assert.True(third.Succeeded, third.Output);
            Assert.Equal(DeploymentOutcome.Updated, commandChanged!.Outcome);
            Assert.Equal("--verbose", StaticServerImages.Docker("inspect", "--format", "{{join .Args \" \"}}", container));
        }
        finally
        {
            Remove(container);
        }
    }

    [Fact]
    public async Task A_container_that_exits_soon_after_starting_fails_the_deploy_with_its_logs()
    {
        Requirements.Docker();
        Requirements.Tool("go");
        using var images = new StaticServerImages();
        var image = images.Build("v1");
        var application = "app" + Guid.NewGuid().ToString("N")[..6];
        var container = application + "-staging";
        try
        {
            var driver = new LocalDockerDriver(new LocalDockerSettings(StaticServerImages.Port) { RunArguments = ["--env", "EXIT_SOON=1"] });
            var (run, _) = await DeployAsync(driver, application, image);

            Assert.False(run.Succeeded, run.Output);
            Assert.Matches($"Container {container} (is )?exited", run.Output);
            Assert.Contains("exiting as EXIT_SOON asks", run.Output, StringComparison.Ordinal);
            Assert.DoesNotContain("   at ", run.Output, StringComparison.Ordinal);
        }
        finally
        {
            Remove(container);
        }
    }

    private static void Remove(string container)
    {
        try
        {
            StaticServerImages.Docker("rm", "--force", container);
        }
        catch (InvalidOperationException)
        {
            // Never started: nothing to remove.
        }
    }

    /// <summary>GET, retried while the server inside the just-started container opens its socket.</summary>
    private static async Task<string> GetAsync(Uri url)
    {
        using var http = new HttpClient();
        for (var attempt = 1; ; attempt++)
        {
            try
            {
                using var response = await http.GetAsync(url, TestContext.Current.CancellationToken);
                Assert.Equal(200, (int)response.StatusCode);
                return await response.Content.ReadAsStringAsync(TestContext.Current.CancellationToken);
            }
            catch (HttpRequestException) when (attempt < 50)
            {
                await Task.Delay(100, TestContext.Current.CancellationToken);
            }
        }
    }

    private static async Task<(HarnessRun Run, DeploymentResult? Result)> DeployAsync(LocalDockerDriver driver, string application, ImageReference image)
    {
        DeploymentResult? result = null;
        var run = await TargetHarness.RunAsync(async context =>
            result = await driver.DeployAsync(new Pipeline.Delivery.Deployment(application, image), context));
        return (run, result);
    }
}
