using System.Globalization;
using System.Net.Http.Json;
using System.Text.RegularExpressions;
using Pipeline.Components.Tests.Scanning;
using Pipeline.Delivery.Tests.Deployment.Kubernetes;
using Pipeline.Delivery.Tests.Support;
using StagedRelease.Build;

namespace Pipeline.Delivery.Tests.Samples;

/// <summary>
/// The staged release (seed staged-release-with-approval) on this machine: every gate (the integration
/// tests against real PostgreSQL 15 and Redis 7 containers, coverage, the scan of the built image and its
/// SBOM among them), the image in the embedded registry, staging on local Docker and its tests, then
/// production blue-green; a release whose health check fails after the switch is rolled back to the
/// colour that ran before. Then CI's path, the same releases to a cluster (the Kubernetes fake on
/// 127.0.0.1): staging rolled out, production switched between colours and switched back.
/// One class, so its runs never share the production containers at the same time.
/// </summary>
[Collection(SampleRuns.Collection)]
public sealed class StagedReleaseSampleSpecs
{
    private static readonly string[] Containers = ["release-service-staging", "release-service-production-blue", "release-service-production-green"];

    private static readonly string[] ImageVariables = ["PIPELINE_POSTGRES_IMAGE", "PIPELINE_REDIS_IMAGE"];

    [Fact]
    public async Task The_release_runs_every_gate_staging_and_its_tests_then_production_blue_green_and_rolls_a_broken_release_back()
    {
        Requirements.Tool("go");
        Requirements.Docker();
        using var sample = await SampleCopy.CommittedAsync("staged-release");
        using var bin = new TempRoot();
        using var trivy = new FakeTrivy(bin, FakeTrivy.CleanImageReport);
        try
        {
            var first = await PipelineRun.RunAsync(StagedReleasePipeline.Create(), sample.Path, LocalImages());

            Assert.True(first.ExitCode == 0, first.ToString());
            foreach (var target in new[]
            {
                "Format", "Lint", "Test", "IntegrationTests", "Coverage", "SecurityScan", "Compile", "BuildImage", "ContainerScan", "Push",
                "DeployStaging", "StagingTests", "PerformanceTests", "DeployProduction",
            })
            {
                Assert.Matches($@"(?m)^{target} +[0-9][^│\n]* succeeded", first.Output);
            }

            // The integration tests ran against real servers, none skipped: SCRAM against PostgreSQL, the catalogue behind Redis.
            Assert.Matches(@"IntegrationTests +│ Service postgres \([^)]+\) is ready", first.Output);
            Assert.Matches(@"IntegrationTests +│ Service redis \([^)]+\) is ready", first.Output);
            Assert.Contains("go . ./internal/integration (integration): 9 passed, 0 failed, 0 skipped", first.Output, StringComparison.Ordinal);

            // The coverage gate, measured: at least the seed's 85% of the Go lines.
            var total = Regex.Match(first.Output, @"Coverage +│ Total +(\d+)/(\d+) +[0-9.]+%");
            Assert.True(total.Success, first.Output);
            Assert.InRange(100.0 * int.Parse(total.Groups[1].Value, CultureInfo.InvariantCulture) / int.Parse(total.Groups[2].Value, CultureInfo.InvariantCulture), 85.0, 100.0);

            // The image BuildImage made was scanned by its tag, and its SBOM written and counted.
            var sbom = sample.Path / "artifacts" / "scan" / "ContainerScan.cdx.json";
            Assert.Contains(trivy.CallLines, l => Regex.IsMatch(l, @"^image --format json --output \S+/artifacts/scan/ContainerScan\.json --exit-code 0 --scanners vuln release-service:[0-9a-f]{7,}$"));
            Assert.Contains(trivy.CallLines, l => l.StartsWith($"image --format cyclonedx --output {sbom} release-service:", StringComparison.Ordinal));
            Assert.Matches(@"ContainerScan +│ SBOM: 3 components \(artifacts/scan/ContainerScan\.cdx\.json, CycloneDX\)", first.Output);
            Assert.True(File.Exists(sbom));

            Assert.Contains("staging serves 2 items", first.Output, StringComparison.Ordinal);

            // The performance gate loaded staging: every request measured, none an error.
            Assert.Matches(@"PerformanceTests +│ load-testing http://127\.0\.0\.1:\d+/?: ", first.Output);
            Assert.Matches(@"PerformanceTests +│ .*300 requests in [0-9.]+ s, 4 at a time", first.Output);
            var blue = DeployedEnvironments.In(sample.Path).Last("production")!;
            Assert.Equal((DeploymentColor.Blue, DeploymentOutcome.Updated), (blue.Color, blue.Outcome));
            Assert.Equal("ok", await HealthAsync(blue.Url!));

            // CI's path: the same release to a cluster. Staging's ingress is the local staging container (its
            // tests and the load test run against it), production's preview and public ingresses answer healthy.
            using var cluster = new FakeKubernetesApi { PollsUntilAvailable = 1 };
            using var ingress = new FakeHttpServer(_ => new FakeResponse(200, "{\"status\": \"ok\"}"));
            var staging = DeployedEnvironments.In(sample.Path).Last("staging")!.Url!;
            var localRecords = SetAside(sample.Path / ".nuke" / "temp" / "deployments"); // one machine, one driver per environment: the local runs below read their own
            var onCluster = await PipelineRun.RunAsync(
                StagedReleasePipeline.Create(), sample.Path, OnCluster(cluster, staging, production: ingress.BaseAddress, preview: ingress.BaseAddress), ["DeployProduction", "--skip", .. Gates]);

            Assert.True(onCluster.ExitCode == 0, onCluster.ToString());
            var pinned = cluster.Deployment("staging", "release-service")!.Spec.Template.Spec.Containers[0].Image;
            Assert.Matches(@"^127\.0\.0\.1:\d+/release-service@sha256:[0-9a-f]{64}$", pinned);
            Assert.Equal(pinned, cluster.Deployment("production", "release-service-blue")!.Spec.Template.Spec.Containers[0].Image);
            Assert.Equal("blue", cluster.Service("production", "release-service")!.Spec.Selector["color"]);
            Assert.Matches(@"PerformanceTests +│ load-testing " + Regex.Escape(staging.ToString().TrimEnd('/')), onCluster.Output);
            var clusterRecords = SetAside(sample.Path / ".nuke" / "temp" / "deployments");
            Restore(localRecords, sample.Path / ".nuke" / "temp" / "deployments");

            // The next release passes its first health check, then fails: after the switch.
            SampleCopy.Edit(sample.Path / "internal" / "catalog" / "catalog.go",
                "writeJSON(w, http.StatusOK, map[string]string{\"status\": \"ok\", \"version\": version})",
                "checks++\n\t\tif checks > 1 {\n\t\t\twriteJSON(w, http.StatusServiceUnavailable, map[string]string{\"status\": \"down\", \"error\": \"cache warm-up failed\"})\n\t\t\treturn\n\t\t}\n\t\twriteJSON(w, http.StatusOK, map[string]string{\"status\": \"ok\", \"version\": version})");
            SampleCopy.Edit(sample.Path / "internal" / "catalog" / "catalog.go", "mux := http.NewServeMux()", "checks := 0\n\tmux := http.NewServeMux()");
            await SampleCopy.CommitAsync(sample);

            var second = await PipelineRun.RunAsync(StagedReleasePipeline.Create(), sample.Path, "DeployProduction", "--skip", "Test", "IntegrationTests", "Coverage", "StagingTests", "PerformanceTests");

            Assert.Equal(1, second.ExitCode);
            Assert.Contains("failed after the switch: GET /health answered 503 ServiceUnavailable", second.Output, StringComparison.Ordinal);
            Assert.Contains("cache warm-up failed", second.Output, StringComparison.Ordinal);
            Assert.Contains("rolled back: production answers from blue again", second.Output, StringComparison.Ordinal);
            var after = DeployedEnvironments.In(sample.Path).Last("production")!;
            Assert.Equal((DeploymentColor.Blue, DeploymentOutcome.RolledBack, blue.Url, blue.Image), (after.Color, after.Outcome, after.Url, after.Image));
            Assert.Equal("ok", await HealthAsync(after.Url!));

            // On the cluster: green gets the broken release and answers its preview, then production's ingress
            // fails after the switch, and the Service selects blue again.
            Restore(clusterRecords, sample.Path / ".nuke" / "temp" / "deployments");
            using var failing = new FakeHttpServer(_ => new FakeResponse(503, "{\"status\": \"down\"}"));
            var rolledBack = await PipelineRun.RunAsync(
                StagedReleasePipeline.Create(), sample.Path, OnCluster(cluster, staging, production: failing.BaseAddress, preview: ingress.BaseAddress),
                ["DeployProduction", "--skip", .. Gates, "StagingTests", "PerformanceTests"]);

            Assert.Equal(1, rolledBack.ExitCode);
            Assert.Contains("rolled back: service/release-service points at blue again", rolledBack.Output, StringComparison.Ordinal);
            Assert.NotEqual(pinned, cluster.Deployment("production", "release-service-green")!.Spec.Template.Spec.Containers[0].Image);
            Assert.Equal("blue", cluster.Service("production", "release-service")!.Spec.Selector["color"]);
        }
        finally
        {
            foreach (var container in Containers)
            {
                await Shell.TryRunAsync("docker", ["rm", "--force", container]);
            }

            await TargetHarness.RunAsync(new EmbeddedRegistry(sample.Path).StopAsync);
        }
    }

    /// <summary>Moves a folder of deployment records out of the way, to a fresh folder beside it that it returns.</summary>
    private static string SetAside(string folder)
    {
        var kept = folder + "-set-aside-" + Guid.NewGuid().ToString("N");
        Directory.Move(folder, kept);
        return kept;
    }

    private static void Restore(string kept, string folder)
    {
        if (Directory.Exists(folder))
        {
            Directory.Delete(folder, recursive: true);
        }

        Directory.Move(kept, folder);
    }

    /// <summary>The gates the cluster runs skip: they ran, on the same commit, in the local run before.</summary>
    private static readonly string[] Gates = ["Format", "Lint", "Test", "IntegrationTests", "Coverage", "SecurityScan", "ContainerScan"];

    /// <summary>As CI deploys: the Kubernetes driver, the kubeconfig secret, the ingresses as repository variables.</summary>
    private static Dictionary<string, string> OnCluster(FakeKubernetesApi cluster, Uri staging, Uri production, Uri preview) => new()
    {
        ["DEPLOY_DRIVER"] = "Kubernetes",
        ["KUBECONFIG_DATA"] = Convert.ToBase64String(System.Text.Encoding.UTF8.GetBytes(cluster.Kubeconfig())),
        ["STAGING_URL"] = staging.ToString(),
        ["PRODUCTION_URL"] = production.ToString(),
        ["PRODUCTION_PREVIEW_URL"] = preview.ToString(),
    };

    private static Dictionary<string, string> LocalImages() =>
        ImageVariables
            .Where(name => Environment.GetEnvironmentVariable(name) is { Length: > 0 })
            .ToDictionary(name => name, name => Environment.GetEnvironmentVariable(name)!, StringComparer.Ordinal);

    private static async Task<string?> HealthAsync(Uri url)
    {
        using var http = new HttpClient();
        var body = await http.GetFromJsonAsync<Dictionary<string, string>>(new Uri(url, "/health"), TestContext.Current.CancellationToken);
        return body!["status"];
    }
}
