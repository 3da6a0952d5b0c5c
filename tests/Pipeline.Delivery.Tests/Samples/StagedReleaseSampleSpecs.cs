using System.Net.Http.Json;
using Pipeline.Components.Tests.Scanning;
using Pipeline.Delivery.Tests.Support;
using StagedRelease.Build;

namespace Pipeline.Delivery.Tests.Samples;

/// <summary>
/// The staged release (seed staged-release-with-approval) on this machine: every gate, the image in the
/// embedded registry, staging on local Docker and its tests, then production blue-green; a release
/// whose health check fails after the switch is rolled back to the colour that ran before.
/// One class, so its runs never share the production containers at the same time.
/// </summary>
[Collection(SampleRuns.Collection)]
public sealed class StagedReleaseSampleSpecs
{
    private static readonly string[] Containers = ["release-service-staging", "release-service-production-blue", "release-service-production-green"];

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
            var first = await PipelineRun.RunAsync(StagedReleasePipeline.Create(), sample.Path);

            Assert.True(first.ExitCode == 0, first.ToString());
            foreach (var target in new[] { "Format", "Lint", "Test", "SecurityScan", "Compile", "BuildImage", "Push", "DeployStaging", "StagingTests", "DeployProduction" })
            {
                Assert.Matches($@"(?m)^{target} +[0-9][^│\n]* succeeded", first.Output);
            }

            Assert.Contains("staging serves 2 items", first.Output, StringComparison.Ordinal);
            var blue = DeployedEnvironments.In(sample.Path).Last("production")!;
            Assert.Equal((DeploymentColor.Blue, DeploymentOutcome.Updated), (blue.Color, blue.Outcome));
            Assert.Equal("ok", await HealthAsync(blue.Url!));

            // The next release passes its first health check, then fails: after the switch.
            SampleCopy.Edit(sample.Path / "internal" / "catalog" / "catalog.go",
                "writeJSON(w, http.StatusOK, map[string]string{\"status\": \"ok\", \"version\": version})",
                "checks++\n\t\tif checks > 1 {\n\t\t\twriteJSON(w, http.StatusServiceUnavailable, map[string]string{\"status\": \"down\", \"error\": \"cache warm-up failed\"})\n\t\t\treturn\n\t\t}\n\t\twriteJSON(w, http.StatusOK, map[string]string{\"status\": \"ok\", \"version\": version})");
            SampleCopy.Edit(sample.Path / "internal" / "catalog" / "catalog.go", "mux := http.NewServeMux()", "checks := 0\n\tmux := http.NewServeMux()");
            await SampleCopy.CommitAsync(sample);

            var second = await PipelineRun.RunAsync(StagedReleasePipeline.Create(), sample.Path, "DeployProduction", "--skip", "Test", "StagingTests");

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

    private static async Task<string?> HealthAsync(Uri url)
    {
        using var http = new HttpClient();
        var body = await http.GetFromJsonAsync<Dictionary<string, string>>(new Uri(url, "/health"), TestContext.Current.CancellationToken);
        return body!["status"];
    }
}
