using EventService.Build;
using Pipeline.Delivery.Tests.Support;

namespace Pipeline.Delivery.Tests.Samples;

/// <summary>
/// The README's first command on a copy of the sample: every gate, then the image built, pushed to the
/// embedded registry, deployed on local Docker and smoke-tested. One class, so its runs never share
/// the staging container at the same time.
/// </summary>
public sealed class EventServiceMainJobSpecs
{
    private const string StagingContainer = "event-service-staging";

    [Fact]
    public async Task The_main_job_runs_from_format_to_smoke_and_prints_where_the_service_answers()
    {
        Requirements.Tool("go");
        Requirements.Docker();
        using var sample = await SampleCopy.CommittedAsync("event-service");
        try
        {
            var run = await PipelineRun.RunAsync(EventServicePipeline.Create(), sample.Path);

            Assert.True(run.ExitCode == 0, run.ToString());
            foreach (var target in new[] { "Format", "Lint", "Test", "Coverage", "Compile", "BuildImage", "Push", "DeployStaging", "Smoke" })
            {
                Assert.Matches($@"(?m)^{target} +[0-9][^│\n]* succeeded", run.Output);
            }

            Assert.Matches(@"Pushed 127\.0\.0\.1:\d+/event-service@sha256:[0-9a-f]{64}", run.Output);
            var deployed = DeployedEnvironments.In(sample.Path).Last("staging");
            Assert.NotNull(deployed);
            Assert.Contains($"the event service answers at {deployed.Url}", run.Output, StringComparison.Ordinal);
        }
        finally
        {
            await CleanUpAsync(sample);
        }
    }

    [Fact]
    public async Task A_broken_service_deploys_but_fails_smoke_with_the_exchange_and_the_containers_logs()
    {
        Requirements.Tool("go");
        Requirements.Docker();
        using var sample = SampleCopy.Of("event-service");
        SampleCopy.Edit(sample.Path / "internal" / "router" / "router.go",
            "writeJSON(w, http.StatusOK, map[string]string{\"token\": token})",
            "writeJSON(w, http.StatusBadGateway, map[string]string{\"error\": \"session store down\", \"token\": token})");
        await SampleCopy.CommitAsync(sample);
        try
        {
            // The unit tests would catch this break first; skip them to see what Smoke catches.
            var run = await PipelineRun.RunAsync(EventServicePipeline.Create(), sample.Path, "Smoke", "--skip", "Test", "Coverage");

            Assert.Equal(1, run.ExitCode);
            Assert.Matches(@"(?m)^DeployStaging +[0-9][^│\n]* succeeded", run.Output);
            Assert.Contains("POST /login answered 502 BadGateway, expected 200 OK", run.Output, StringComparison.Ordinal);
            Assert.Contains("session store down", run.Output, StringComparison.Ordinal);
            Assert.Contains("the service's recent logs:", run.Output, StringComparison.Ordinal);
            Assert.Contains("POST /login 502", run.Output, StringComparison.Ordinal); // the service's own access log line
        }
        finally
        {
            await CleanUpAsync(sample);
        }
    }

    private static async Task CleanUpAsync(TempRoot sample)
    {
        await Shell.TryRunAsync("docker", ["rm", "--force", StagingContainer]);
        await TargetHarness.RunAsync(new EmbeddedRegistry(sample.Path).StopAsync);
    }
}
