using System.Text.Json.Nodes;
using Pipeline.Components.Coverage;
using Pipeline.Components.Tests.Scanning;
using Pipeline.Delivery.Tests.Deployment.Kubernetes;
using Pipeline.Delivery.Tests.Support;
using RustWorkspace.Build;

namespace Pipeline.Delivery.Tests.Samples;

/// <summary>
/// samples/rust-workspace's <c>./build.sh</c> on a copy of it, end to end on this machine: the gate,
/// twelve services tested six at a time, the integration tests against the PostgreSQL and Redis that
/// Testcontainers starts, the coverage gate (llvm tools of rustc's LLVM), the audit (a fake trivy printing Trivy's JSON), one release
/// build, twelve images pushed to the embedded registry (ECR's stand-in), each deployed and smoke-tested,
/// the quality report and the notification (an HTTP fake webhook); then the same images deployed to
/// the staging namespace of a fake Kubernetes API, as CI deploys them to EKS.
/// </summary>
[Collection(SampleRuns.Collection)]
public sealed class RustWorkspaceEndToEndSpecs
{
    private static readonly string[] Services = [.. RustWorkspace.Build.Services.Axis.Values.Select(RustWorkspace.Build.Services.Crate)];

    [Fact]
    public async Task The_default_target_runs_every_stage_and_notifies_then_the_images_deploy_to_a_cluster()
    {
        Requirements.Tool("cargo");
        Requirements.Docker();
        if (new RustCoverage(".").Tools.FirstOrDefault(t => t.Find(new Dictionary<string, string>()) is null) is { } llvm)
        {
            Requirements.Unavailable($"{llvm.Executable} is not installed ({llvm.InstallHint}; .ci/install/45-llvm.sh does)");
        }

        using var sample = await SampleCopy.CommittedAsync("rust-workspace");
        using var trivy = new FakeTrivy(sample, FakeTrivy.GoModuleReport);
        using var webhook = new FakeHttpServer(_ => new FakeResponse(200, "ok", "text/plain"));
        try
        {
            var variables = LocalImages();
            variables["NOTIFICATION_WEBHOOK"] = webhook.BaseAddress + "hooks/T000/B000/secret";
            var run = await PipelineRun.RunAsync(RustWorkspacePipeline.Create(), sample.Path, variables);

            Assert.True(run.ExitCode == 0, run.ToString());
            foreach (var target in new[] { "Format", "Lint", "FormatAndLint", "TestServices", "IntegrationTests", "Coverage", "SecurityAudit", "BuildRelease", "BuildImages", "Push", "DeployStaging", "Smoke", "QualityReport", "Notify" })
            {
                Assert.Matches($@"(?m)^{target} +[0-9][^│\n]* succeeded", run.Output);
            }

            // The integration tests ran against the real servers: the clients', auth-service's and user-service's, every one passing.
            Assert.Matches(@"IntegrationTests +│ Service postgres \([^)]+\) is ready", run.Output);
            Assert.Contains("cargo . -p store-clients: 27 passed, 0 failed, 0 skipped", run.Output, StringComparison.Ordinal);
            // The coverage gate, before the push: the workspace's unit tests cover 53.7% of its lines (50% needed).
            Assert.Matches(@"(?m)^Coverage +│ Total +491/914 +53\.7%$", run.Output);
            Assert.True(File.Exists(sample.Path / "artifacts" / "coverage" / "index.html"));
            Assert.Contains("(warning only: the scan does not block this run)", run.Output, StringComparison.Ordinal); // findings, reported, not blocking
            foreach (var service in Services)
            {
                Assert.Matches($@"Pushed 127\.0\.0\.1:\d+/{service}@sha256:[0-9a-f]{{64}}", run.Output);
                Assert.Matches($@"{service} answers at http://127\.0\.0\.1:\d+/", run.Output);
            }

            Assert.Contains("12 of 12 services tested", run.Output, StringComparison.Ordinal);
            var report = await File.ReadAllTextAsync(sample.Path / "artifacts" / "quality-report.md", TestContext.Current.CancellationToken);
            Assert.Contains("| auth-service | 5 | 0 |", report, StringComparison.Ordinal); // its own test and service-kit's four
            Assert.Contains("Security audit: 1 critical, 1 high", report, StringComparison.Ordinal);

            var posted = JsonNode.Parse(Assert.Single(webhook.Requests).Body)!;
            Assert.StartsWith("✅ The pipeline succeeded", (string)posted["text"]!, StringComparison.Ordinal);
            Assert.Contains("Smoke", posted["blocks"]!.ToJsonString(), StringComparison.Ordinal);

            // CI's deploy: the same pushed digests, to the cluster's staging namespace (here a fake API).
            using var cluster = new FakeKubernetesApi { PollsUntilAvailable = 1 };
            var deploy = await PipelineRun.RunAsync(
                RustWorkspacePipeline.Create(),
                sample.Path,
                new Dictionary<string, string>
                {
                    ["DEPLOY_DRIVER"] = "Kubernetes",
                    ["KUBECONFIG_DATA"] = Convert.ToBase64String(System.Text.Encoding.UTF8.GetBytes(cluster.Kubeconfig())),
                },
                "DeployStaging",
                "--skip");

            Assert.True(deploy.ExitCode == 0, deploy.ToString());
            foreach (var service in Services)
            {
                Assert.Matches($@"^127\.0\.0\.1:\d+/{service}@sha256:[0-9a-f]{{64}}$", cluster.Deployment("staging", service)!.Spec.Template.Spec.Containers[0].Image);
            }

            Assert.Contains("https://auth.staging.example.com/", deploy.Output, StringComparison.Ordinal);
        }
        finally
        {
            foreach (var service in RustWorkspace.Build.Services.Axis.Values)
            {
                await Shell.TryRunAsync("docker", ["rm", "--force", $"{RustWorkspace.Build.Services.Crate(service)}-{RustWorkspace.Build.Services.StagingOf(service)}"]);
            }

            await TargetHarness.RunAsync(new EmbeddedRegistry(sample.Path).StopAsync);
        }
    }

    /// <summary>This machine's stand-ins for the public PostgreSQL and Redis images (no Docker Hub here), when it sets them.</summary>
    private static readonly string[] ImageVariables = ["PIPELINE_POSTGRES_IMAGE", "PIPELINE_REDIS_IMAGE"];

    private static Dictionary<string, string> LocalImages() =>
        ImageVariables
            .Where(name => Environment.GetEnvironmentVariable(name) is { Length: > 0 })
            .ToDictionary(name => name, name => Environment.GetEnvironmentVariable(name)!, StringComparer.Ordinal);
}
