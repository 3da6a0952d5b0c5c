using System.Globalization;
using System.Net.Http.Json;
using System.Text.RegularExpressions;
using Pipeline.Components.Tests.Scanning;
using Pipeline.Delivery.Tests.Support;
using StagedRelease.Build;

namespace Pipeline.Delivery.Tests.Samples;

/// <summary>
/// The staged release (seed staged-release-with-approval) on this machine: every gate (the integration
/// tests against real PostgreSQL 15 and Redis 7 containers, coverage, the scan of the built image and its
/// SBOM among them), the image in the embedded registry, staging on local Docker and its tests, then
/// production blue-green; a release whose health check fails after the switch is rolled back to the
/// colour that ran before.
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
            Assert.Contains("go . ./internal/integration: 9 passed, 0 failed, 0 skipped", first.Output, StringComparison.Ordinal);

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
