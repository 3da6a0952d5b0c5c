using System.Net;
using Pipeline.Delivery.Tests.Support;

namespace Pipeline.Delivery.Tests.Deployment.Kubernetes;

/// <summary>
/// Blue-green on Kubernetes against <see cref="FakeKubernetesApi"/>: a Deployment per colour, a Service
/// whose selector is switched, health checks on <see cref="FakeColorApps"/> before and after the switch.
/// </summary>
public sealed class KubernetesBlueGreenSpecs
{
    private const string Namespace = "production";
    private static readonly ImageReference V1 = ImageReference.Parse("127.0.0.1:5000/api:1.0.0");
    private static readonly ImageReference V2 = ImageReference.Parse("127.0.0.1:5000/api:2.0.0");
    private static readonly ImageReference V3 = ImageReference.Parse("127.0.0.1:5000/api:3.0.0");

    [Fact]
    public async Task The_first_deploy_goes_to_blue_and_points_the_service_at_it()
    {
        using var api = new FakeKubernetesApi { PollsUntilAvailable = 2 };
        using var apps = new FakeColorApps(api, Namespace, "api");

        var (run, result, _) = await DeployAsync(api, apps, V1);

        Assert.True(run.Succeeded, run.Output);
        Assert.Equal(DeploymentOutcome.Updated, result!.Outcome);
        Assert.Equal(DeploymentColor.Blue, result.Color);
        Assert.Equal(apps.PublicUrl, result.Url);
        var blue = api.Deployment(Namespace, "api-blue")!;
        Assert.Equal(V1.ToString(), blue.Spec.Template.Spec.Containers[0].Image);
        Assert.Equal("blue", blue.Spec.Selector.MatchLabels["color"]);
        Assert.Equal("blue", blue.Spec.Template.Metadata.Labels["color"]);
        Assert.Equal(new Dictionary<string, string> { ["app.kubernetes.io/name"] = "api", ["color"] = "blue" }, api.Service(Namespace, "api")!.Spec.Selector);
        Assert.Equal("blue", api.Service(Namespace, "api-blue")!.Spec.Selector["color"]);
        Assert.Null(api.Deployment(Namespace, "api"));
        Assert.Null(api.Deployment(Namespace, "api-green"));
    }

    [Fact]
    public async Task The_next_deploy_goes_to_the_idle_colour_flips_the_service_and_keeps_the_old_colour_as_it_was()
    {
        using var api = new FakeKubernetesApi { PollsUntilAvailable = 1 };
        using var apps = new FakeColorApps(api, Namespace, "api");
        await DeployAsync(api, apps, V1, replicas: 3);
        var blueBefore = api.Deployment(Namespace, "api-blue")!;
        var (blueGeneration, blueReplicas) = (blueBefore.Metadata.Generation, blueBefore.Spec.Replicas);

        var (run, result, _) = await DeployAsync(api, apps, V2, replicas: 2);

        Assert.True(run.Succeeded, run.Output);
        Assert.Equal(DeploymentOutcome.Updated, result!.Outcome);
        Assert.Equal(DeploymentColor.Green, result.Color);
        Assert.Equal("green", api.Service(Namespace, "api")!.Spec.Selector["color"]);
        Assert.Equal(V2.ToString(), api.Deployment(Namespace, "api-green")!.Spec.Template.Spec.Containers[0].Image);
        var blue = api.Deployment(Namespace, "api-blue")!;
        Assert.Equal(V1.ToString(), blue.Spec.Template.Spec.Containers[0].Image);
        Assert.Equal((blueGeneration, blueReplicas), (blue.Metadata.Generation, blue.Spec.Replicas));
        Assert.Contains("service/api switched from blue to green", result.Summary, StringComparison.Ordinal);
        Assert.Contains("blue kept", result.Summary, StringComparison.Ordinal);
    }

    [Fact]
    public async Task The_live_colour_is_read_from_the_service_not_assumed()
    {
        using var api = new FakeKubernetesApi { PollsUntilAvailable = 1 };
        using var apps = new FakeColorApps(api, Namespace, "api");
        await DeployAsync(api, apps, V1);
        await DeployAsync(api, apps, V2);
        api.SetSelector(Namespace, "api", "color", "blue"); // someone switched back by hand

        var (run, result, _) = await DeployAsync(api, apps, V3);

        Assert.True(run.Succeeded, run.Output);
        Assert.Equal(DeploymentColor.Green, result!.Color);
        Assert.Equal(V3.ToString(), api.Deployment(Namespace, "api-green")!.Spec.Template.Spec.Containers[0].Image);
        Assert.Equal(V1.ToString(), api.Deployment(Namespace, "api-blue")!.Spec.Template.Spec.Containers[0].Image);
    }

    [Fact]
    public async Task Deploying_what_the_live_colour_runs_changes_nothing()
    {
        using var api = new FakeKubernetesApi { PollsUntilAvailable = 1 };
        using var apps = new FakeColorApps(api, Namespace, "api");
        await DeployAsync(api, apps, V1);
        var patches = api.Requests.Count(r => r.Method == "PATCH");

        var (run, result, _) = await DeployAsync(api, apps, V1);

        Assert.True(run.Succeeded, run.Output);
        Assert.Equal(DeploymentOutcome.Unchanged, result!.Outcome);
        Assert.Equal(DeploymentColor.Blue, result.Color);
        Assert.Equal(patches, api.Requests.Count(r => r.Method == "PATCH"));
        Assert.Null(api.Deployment(Namespace, "api-green"));
    }

    [Fact]
    public async Task A_failed_health_check_after_the_switch_points_the_service_at_the_old_colour_again_and_fails_in_one_line()
    {
        using var api = new FakeKubernetesApi { PollsUntilAvailable = 1 };
        using var apps = new FakeColorApps(api, Namespace, "api");
        // 2.0.0 answers its own health check, then fails once real traffic reaches it through the Service.
        apps.Answer = (image, _, viaPublic) => image == V2.ToString() && viaPublic
            ? new FakeResponse(503, "{\"status\":\"down\",\"reason\":\"database connection pool exhausted\"}")
            : new FakeResponse(200, "ok", "text/plain");
        await DeployAsync(api, apps, V1);

        var (run, result, failure) = await DeployAsync(api, apps, V2);

        Assert.False(run.Succeeded);
        Assert.Null(result);
        Assert.Equal("blue", api.Service(Namespace, "api")!.Spec.Selector["color"]);
        Assert.Equal(V1.ToString(), api.Deployment(Namespace, "api-blue")!.Spec.Template.Spec.Containers[0].Image);
        Assert.Equal(V2.ToString(), api.Deployment(Namespace, "api-green")!.Spec.Template.Spec.Containers[0].Image); // kept, to look at
        var message = failure!.Message;
        Assert.DoesNotContain('\n', message);
        Assert.Contains("GET /health answered 503 ServiceUnavailable", message, StringComparison.Ordinal);
        Assert.Contains("database connection pool exhausted", message, StringComparison.Ordinal);
        Assert.Contains("rolled back: service/api points at blue again", message, StringComparison.Ordinal);
        Assert.Contains(message, run.Output, StringComparison.Ordinal);
        Assert.DoesNotContain("   at ", run.Output, StringComparison.Ordinal);
        Assert.Equal(DeploymentOutcome.RolledBack, failure.Result!.Outcome);
        Assert.Equal(DeploymentColor.Blue, failure.Result.Color);
        Assert.Equal(V1.ToString(), failure.Result.Image);
        Assert.Equal(HttpStatusCode.OK, await StatusAsync(new Uri(apps.PublicUrl, "/health")));
    }

    [Fact]
    public async Task A_new_colour_that_never_gets_healthy_is_never_switched_to()
    {
        using var api = new FakeKubernetesApi { PollsUntilAvailable = 1 };
        using var apps = new FakeColorApps(api, Namespace, "api");
        apps.Answer = (image, _, _) => image == V2.ToString() ? new FakeResponse(500, "panic: missing DATABASE_URL", "text/plain") : new FakeResponse(200, "ok", "text/plain");
        await DeployAsync(api, apps, V1);
        var switches = apps.PublicRequests.Count;

        var (run, _, failure) = await DeployAsync(api, apps, V2);

        Assert.False(run.Succeeded);
        Assert.Equal("blue", api.Service(Namespace, "api")!.Spec.Selector["color"]);
        Assert.Equal(switches, apps.PublicRequests.Count);
        Assert.Contains("green (127.0.0.1:5000/api:2.0.0) is not healthy", failure!.Message, StringComparison.Ordinal);
        Assert.Contains("500 InternalServerError \"panic: missing DATABASE_URL\"", failure.Message, StringComparison.Ordinal);
        Assert.Contains("service/api still points at blue", failure.Message, StringComparison.Ordinal);
        Assert.Null(failure.Result);
    }

    [Fact]
    public async Task A_new_colour_whose_rollout_fails_is_never_switched_to()
    {
        using var api = new FakeKubernetesApi { PollsUntilAvailable = 1 };
        using var apps = new FakeColorApps(api, Namespace, "api");
        api.UnpullableImages.Add(V2.ToString());
        await DeployAsync(api, apps, V1);

        var (run, _, failure) = await DeployAsync(api, apps, V2);

        Assert.False(run.Succeeded);
        Assert.Contains("ImagePullBackOff", run.Output, StringComparison.Ordinal);
        Assert.Contains("service/api still points at blue", failure!.Message, StringComparison.Ordinal);
        Assert.Equal("blue", api.Service(Namespace, "api")!.Spec.Selector["color"]);
    }

    private static async Task<HttpStatusCode> StatusAsync(Uri url)
    {
        using var http = new HttpClient();
        using var response = await http.GetAsync(url, TestContext.Current.CancellationToken);
        return response.StatusCode;
    }

    internal static BlueGreenStrategy FastStrategy => DeploymentStrategy.BlueGreen with
    {
        ReadyTimeout = TimeSpan.FromSeconds(5), // a colour that never gets healthy waits it out; a loaded machine may take over a second to answer first
        HealthWindow = TimeSpan.FromMilliseconds(300),
        HealthInterval = TimeSpan.FromMilliseconds(50),
    };

    internal static KubernetesSettings Settings(FakeKubernetesApi api, FakeColorApps apps, int replicas = 1) => new(Namespace, ContainerPort: 8080)
    {
        Connection = api.Connection,
        Replicas = replicas,
        RolloutTimeout = TimeSpan.FromSeconds(1),
        PollInterval = TimeSpan.FromMilliseconds(20),
        PublicUrl = apps.PublicUrl,
        ColorUrl = apps.ColorUrl,
    };

    private static async Task<(HarnessRun Run, DeploymentResult? Result, DeploymentFailedException? Failure)> DeployAsync(
        FakeKubernetesApi api, FakeColorApps apps, ImageReference image, int replicas = 1)
    {
        var driver = new KubernetesBlueGreenDriver(Settings(api, apps, replicas), FastStrategy);
        DeploymentResult? result = null;
        DeploymentFailedException? failure = null;
        var run = await TargetHarness.RunAsync(async context =>
        {
            try
            {
                result = await driver.DeployAsync(new Pipeline.Delivery.Deployment("api", image, Namespace), context);
            }
            catch (DeploymentFailedException e)
            {
                failure = e;
                throw;
            }
        });
        return (run, result, failure);
    }
}
