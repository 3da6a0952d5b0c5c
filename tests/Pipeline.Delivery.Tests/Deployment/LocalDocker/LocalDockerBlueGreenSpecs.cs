using Pipeline.Delivery.Tests.Support;

namespace Pipeline.Delivery.Tests.Deployment.LocalDocker;

/// <summary>Blue-green with the local Docker driver: real containers of an image built here, the recorded address switched.</summary>
public sealed class LocalDockerBlueGreenSpecs
{
    private static readonly BlueGreenStrategy Fast = DeploymentStrategy.BlueGreen with
    {
        ReadyTimeout = TimeSpan.FromSeconds(10),
        HealthWindow = TimeSpan.FromMilliseconds(600),
        HealthInterval = TimeSpan.FromMilliseconds(100),
    };

    [Fact]
    public async Task Each_deploy_starts_the_idle_colour_switches_the_recorded_address_and_stops_the_old_colour()
    {
        Requirements.Docker();
        Requirements.Tool("go");
        using var images = new StaticServerImages();
        var (v1, v2, v3) = (images.Build("v1"), images.Build("v2"), images.Build("v3"));
        var application = "app" + Guid.NewGuid().ToString("N")[..6];
        var (blue, green) = ($"{application}-staging-blue", $"{application}-staging-green");
        var driver = Driver();
        try
        {
            var run = await TargetHarness.RunAsync(async context =>
            {
                var recorded = DeployedEnvironments.In(context.RootDirectory);

                var first = await DeployAsync(driver, context, application, v1);
                Assert.Equal((DeploymentOutcome.Updated, DeploymentColor.Blue, blue), (first.Outcome, first.Color, first.Container));
                Assert.Equal(first.Url, recorded.UrlOf("staging"));
                Assert.Equal("staging v1", await GetAsync(recorded.UrlOf("staging")!));

                var second = await DeployAsync(driver, context, application, v2);
                Assert.Equal((DeploymentOutcome.Updated, DeploymentColor.Green, green), (second.Outcome, second.Color, second.Container));
                Assert.Equal((green, DeploymentColor.Green, v2.ToString()), (recorded.Last("staging")!.Container, recorded.Last("staging")!.Color, recorded.Last("staging")!.Image));
                Assert.Equal("staging v2", await GetAsync(recorded.UrlOf("staging")!));
                Assert.Equal("exited", State(blue)); // stopped, kept: `docker start` brings it back
                Assert.Equal("blue", StaticServerImages.Docker("inspect", "--format", "{{index .Config.Labels \"pipeline.color\"}}", blue));

                var same = await DeployAsync(driver, context, application, v2);
                Assert.Equal((DeploymentOutcome.Unchanged, DeploymentColor.Green), (same.Outcome, same.Color));

                var third = await DeployAsync(driver, context, application, v3);
                Assert.Equal(DeploymentColor.Blue, third.Color);
                Assert.Equal("staging v3", await GetAsync(recorded.UrlOf("staging")!));
                Assert.Equal("exited", State(green));
            });

            Assert.True(run.Succeeded, run.Output);
        }
        finally
        {
            Remove(blue, green);
        }
    }

    [Fact]
    public async Task A_failed_health_check_after_the_switch_switches_the_address_back_and_fails_in_one_line()
    {
        Requirements.Docker();
        Requirements.Tool("go");
        using var images = new StaticServerImages();
        var (v1, v2) = (images.Build("v1"), images.Build("v2"));
        var application = "app" + Guid.NewGuid().ToString("N")[..6];
        var (blue, green) = ($"{application}-staging-blue", $"{application}-staging-green");
        DeploymentFailedException? failure = null;
        try
        {
            var run = await TargetHarness.RunAsync(async context =>
            {
                var recorded = DeployedEnvironments.In(context.RootDirectory);
                var first = await DeployAsync(Driver(), context, application, v1);

                // v2 passes its first health check, then answers 503: after the switch.
                var breaking = Driver(["--env", "HEALTHY_REQUESTS=1"]);
                failure = await Assert.ThrowsAsync<DeploymentFailedException>(() => DeployAsync(breaking, context, application, v2));

                Assert.Equal((first.Url, blue, DeploymentColor.Blue, v1.ToString()), (recorded.UrlOf("staging"), recorded.Last("staging")!.Container, recorded.Last("staging")!.Color, recorded.Last("staging")!.Image));
                Assert.Equal(DeploymentOutcome.RolledBack, recorded.Last("staging")!.Outcome);
                Assert.Equal("staging v1", await GetAsync(recorded.UrlOf("staging")!));
                Assert.Equal("running", State(blue));
                Assert.Equal("exited", State(green));
            });

            Assert.True(run.Succeeded, run.Output);
            Assert.DoesNotContain('\n', failure!.Message);
            Assert.Contains("GET /health answered 503 ServiceUnavailable \"database unreachable\"", failure.Message, StringComparison.Ordinal);
            Assert.Contains("rolled back: staging answers from blue again", failure.Message, StringComparison.Ordinal);
            Assert.Equal((DeploymentOutcome.RolledBack, DeploymentColor.Blue, blue), (failure.Result!.Outcome, failure.Result.Color, failure.Result.Container));
        }
        finally
        {
            Remove(blue, green);
        }
    }

    private static LocalDockerBlueGreenDriver Driver(IReadOnlyList<string>? runArguments = null) =>
        new(new LocalDockerSettings(StaticServerImages.Port) { SettleTime = TimeSpan.FromMilliseconds(300), RunArguments = runArguments ?? [] }, Fast);

    private static Task<DeploymentResult> DeployAsync(LocalDockerBlueGreenDriver driver, TargetContext context, string application, ImageReference image) =>
        driver.DeployAsync(new Pipeline.Delivery.Deployment(application, image), context);

    private static string State(string container) => StaticServerImages.Docker("inspect", "--format", "{{.State.Status}}", container);

    private static void Remove(params string[] containers)
    {
        foreach (var container in containers)
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

    private static async Task<string> GetAsync(Uri url)
    {
        using var http = new HttpClient();
        using var response = await http.GetAsync(url, TestContext.Current.CancellationToken);
        Assert.Equal(200, (int)response.StatusCode);
        return await response.Content.ReadAsStringAsync(TestContext.Current.CancellationToken);
    }
}
