using System.Diagnostics;
using EventService.Build;
using Pipeline.Delivery.Tests.Support;

namespace Pipeline.Delivery.Tests.Samples;

/// <summary>The event service's own Smoke target against the real service binary, healthy and broken.</summary>
public sealed class EventServiceSmokeSpecs
{
    [Fact]
    public async Task The_smoke_scenario_passes_against_the_real_service()
    {
        Requirements.Tool("go");
        using var sample = SampleCopy.Of("event-service");

        var run = await CompileAndSmokeAsync(sample);

        Assert.True(run.ExitCode == 0, run.ToString());
        Assert.Contains("signed up, logged in, created event 1", run.Output, StringComparison.Ordinal);
    }

    [Fact]
    public async Task The_smoke_scenario_fails_when_login_is_broken_and_shows_the_failing_exchange()
    {
        Requirements.Tool("go");
        using var sample = SampleCopy.Of("event-service");
        SampleCopy.Edit(sample.Path / "internal" / "router" / "router.go",
            "writeJSON(w, http.StatusOK, map[string]string{\"token\": token})",
            "writeJSON(w, http.StatusInternalServerError, map[string]string{\"error\": \"token store unavailable\", \"token\": token})");

        var run = await CompileAndSmokeAsync(sample);

        Assert.Equal(1, run.ExitCode);
        Assert.Contains("POST /login answered 500 InternalServerError, expected 200 OK", run.Output, StringComparison.Ordinal);
        Assert.Contains("token store unavailable", run.Output, StringComparison.Ordinal);
        Assert.Contains("\"token\":\"***\"", run.Output, StringComparison.Ordinal);
        Assert.DoesNotContain("\"password\":\"smoke-", run.Output, StringComparison.Ordinal);
        Assert.DoesNotContain("   at ", run.Output, StringComparison.Ordinal); // an expected failure: no stack trace
    }

    private static async Task<PipelineRun> CompileAndSmokeAsync(TempRoot sample)
    {
        var compile = await PipelineRun.RunAsync(EventServicePipeline.Create(), sample.Path, "Compile");
        Assert.True(compile.ExitCode == 0, compile.ToString());

        var port = FakeHttpServer.FreePort();
        using var service = Process.Start(new ProcessStartInfo(sample.Path / "out" / "event-service")
        {
            Environment = { ["PORT"] = port.ToString(System.Globalization.CultureInfo.InvariantCulture) },
            RedirectStandardOutput = true,
        })!;
        try
        {
            return await PipelineRun.RunAsync(EventServicePipeline.Create(), sample.Path, "Smoke", "--skip", "--smoke-url", $"http://127.0.0.1:{port}");
        }
        finally
        {
            service.Kill();
            await service.WaitForExitAsync(TestContext.Current.CancellationToken);
        }
    }
}
