using AccountsService.Build;
using Pipeline.Components.Tests.Scanning;
using Pipeline.Delivery.Tests.Support;

namespace Pipeline.Delivery.Tests.Samples;

/// <summary>
/// samples/accounts-service end to end on a copy: lint, tests with PostgreSQL and Redis, the API and
/// executor images built side by side and size-checked, pushed to the embedded registry, deployed with fresh stores
/// to the throwaway "smoke" environment, smoke-tested (the executor's welcome included), then scanned by
/// a fake trivy (warning only). One class, so its runs never share that environment at the same time.
/// </summary>
[Collection(SampleRuns.Collection)]
public sealed class AccountsServiceMainJobSpecs
{
    private const string ServiceContainer = "accounts-service-smoke";

    [Fact]
    public async Task The_main_job_runs_from_lint_to_smoke_with_the_executors_welcome_and_the_scan_only_warns()
    {
        Requirements.Docker();
        Requirements.Tool("dotnet");
        using var sample = await SampleCopy.CommittedAsync("accounts-service");
        using var trivy = new FakeTrivy(sample, FakeTrivy.GoModuleReport);
        try
        {
            var run = await PipelineRun.RunAsync(AccountsServicePipeline.Create(), sample.Path, LocalVariables(), "Smoke", "Scan", "SizeCheck");

            Assert.True(run.ExitCode == 0, run.ToString());
            foreach (var target in new[] { "Lint", "Test", "Publish", "BuildApi", "BuildExecutor", "SizeCheck", "Push", "DeploySmoke", "Smoke", "Scan" })
            {
                Assert.Matches($@"(?m)^{target} +[0-9][^│\n]* succeeded", run.Output);
            }

            Assert.Equal("accounts-service", BuiltImages.Of<BuildApi>(sample.Path).All.Single().Name); // each build kept its own record
            Assert.Equal("accounts-executor", BuiltImages.Of<BuildExecutor>(sample.Path).All.Single().Name);
            Assert.Contains("Service redis (", run.Output, StringComparison.Ordinal); // the tests had both stores
            Assert.Contains("11 passed, 0 failed, 0 skipped", run.Output, StringComparison.Ordinal);
            Assert.Matches(@"accounts-service +[0-9.]+ MB +150 MB +\d+ % +ok", run.Output); // the size table
            Assert.Matches(@"accounts-executor +[0-9.]+ MB +120 MB +\d+ % +ok", run.Output);
            Assert.Matches(@"Pushed 127\.0\.0\.1:\d+/accounts-service@sha256:[0-9a-f]{64}", run.Output);
            Assert.Matches(@"the executor runs beside the service: 127\.0\.0\.1:\d+/accounts-executor@sha256:[0-9a-f]{64}", run.Output);
            Assert.Contains("/readyz answered 200", run.Output, StringComparison.Ordinal);
            Assert.Matches(@"signed up smoke-[0-9a-f]{32}@example\.com, logged in, and /me answered for them", run.Output);
            Assert.Matches(@"the executor welcomed smoke-[0-9a-f]{32}@example\.com at 20\d\d-", run.Output); // its job, seen through the API
            Assert.Contains("CVE-2023-44487", run.Output, StringComparison.Ordinal); // found, shown, and yet the run succeeded
            Assert.NotNull(DeployedEnvironments.In(sample.Path).Last(DeploySmoke.Environment));
        }
        finally
        {
            await CleanUpAsync(sample);
        }
    }

    [Fact]
    public async Task A_broken_build_deploys_but_fails_smoke_and_shows_the_exchange_and_the_containers_logs()
    {
        Requirements.Docker();
        Requirements.Tool("dotnet");
        using var sample = SampleCopy.Of("accounts-service");
        SampleCopy.Edit(sample.Path / "src" / "Accounts.Api" / "Program.cs",
            "    return Results.Ok(new { token });",
            "    Console.WriteLine(\"error: the session store refused the token\");\n    return Results.Json(new { error = \"session store down\", token }, statusCode: 502);");
        await SampleCopy.CommitAsync(sample);
        try
        {
            // The store tests would not catch this break (it is in the HTTP layer): Smoke does.
            var run = await PipelineRun.RunAsync(AccountsServicePipeline.Create(), sample.Path, LocalVariables(), "Smoke", "--skip", "Lint", "Test");

            Assert.Equal(1, run.ExitCode);
            Assert.Matches(@"(?m)^DeploySmoke +[0-9][^│\n]* succeeded", run.Output);
            Assert.Contains("POST /login answered 502 BadGateway, expected 200 OK", run.Output, StringComparison.Ordinal);
            Assert.Contains("\"token\":\"***\"", run.Output, StringComparison.Ordinal);
            Assert.Contains("the service's recent logs:", run.Output, StringComparison.Ordinal);
            Assert.Contains("error: the session store refused the token", run.Output, StringComparison.Ordinal); // the container's own lines
            Assert.Contains("POST /login 502", run.Output, StringComparison.Ordinal);
            Assert.Contains("the executor's recent logs:", run.Output, StringComparison.Ordinal);
            Assert.Contains("executor: started", run.Output, StringComparison.Ordinal); // the executor's own lines
            Assert.DoesNotContain("   at ", run.Output, StringComparison.Ordinal); // an expected failure: no stack trace
        }
        finally
        {
            await CleanUpAsync(sample);
        }
    }

    /// <summary>This process's variables (PIPELINE_*_IMAGE, PATH with the fake trivy), without GitHub's marker: a local run.</summary>
    private static Dictionary<string, string> LocalVariables() =>
        Environment.GetEnvironmentVariables().Cast<System.Collections.DictionaryEntry>()
            .Where(e => (string)e.Key != "GITHUB_ACTIONS")
            .ToDictionary(e => (string)e.Key, e => (string?)e.Value ?? "", StringComparer.Ordinal);

    private static async Task CleanUpAsync(TempRoot sample)
    {
        await Shell.TryRunAsync("docker", ["rm", "--force", "--volumes", ServiceContainer, SmokeEnvironment.Executor, SmokeEnvironment.Postgres, SmokeEnvironment.Redis]);
        await Shell.TryRunAsync("docker", ["network", "rm", SmokeEnvironment.Network]);
        await TargetHarness.RunAsync(new EmbeddedRegistry(sample.Path).StopAsync);
    }
}
