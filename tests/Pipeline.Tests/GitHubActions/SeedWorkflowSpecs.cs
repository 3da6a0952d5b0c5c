using Pipeline.Generation;
using Pipeline.GitHubActions;
using Pipeline.Tests.GitHubActions.Support;
using Pr = Pipeline.Tests.GitHubActions.Seeds.PrValidationAndK3sSmoke;
using Staged = Pipeline.Tests.GitHubActions.Seeds.StagedReleaseWithApproval;
using Ticket = Pipeline.Tests.GitHubActions.Seeds.TicketService;

namespace Pipeline.Tests.GitHubActions;

/// <summary>The real pipelines of shared/seeds, as workflow models: jobs, needs, ifs, services, permissions, secrets.</summary>
public sealed class SeedWorkflowSpecs
{
    private static readonly string[] ReadContents = ["contents: read"];

    [Fact]
    public void Ticket_service_runs_Test_and_Lint_side_by_side_then_Build_which_alone_may_push()
    {
        var workflow = Workflows.Plan<Ticket.TicketServiceCi>(Ticket.Declarations.Pipeline());

        Assert.Equal(["test", "lint", "build"], workflow.Jobs.Select(j => j.Id));
        Assert.Empty(workflow["test"].Needs);
        Assert.Empty(workflow["lint"].Needs);
        Assert.Equal(["test", "lint"], workflow["build"].Needs);

        // The shared Download runs in both parallel jobs; Build runs only itself.
        Assert.Equal(["Download", "Test"], workflow["test"].Runs);
        Assert.Equal(["Download", "Lint"], workflow["lint"].Runs);
        Assert.Equal(["Build"], workflow["build"].Runs);
        Assert.Equal("./build.sh Build --skip Download Test Lint", workflow["build"].BuildStep.Run);

        Assert.Equal(ReadContents, workflow.Permissions.Select(p => p.ToString()));
        Assert.Null(workflow["test"].Permissions);
        Assert.Equal(["contents: read", "packages: write"], workflow["build"].Permissions!.Select(p => p.ToString()));

        Assert.Equal("github.event_name == 'push' && github.ref == 'refs/heads/master'", workflow["build"].If);
        Assert.Equal(["REGISTRY_TOKEN"], workflow["build"].Secrets);
        Assert.Empty(workflow["test"].Secrets);
        Assert.Empty(workflow["lint"].Secrets);

        var postgres = Assert.Single(workflow["test"].Services);
        Assert.Equal("postgres:16-alpine", postgres.Image);
        Assert.Equal([5432], postgres.Ports);
        Assert.Equal("pg_isready -U postgres", postgres.HealthCheck!.Command);
        Assert.Empty(workflow["build"].Services);

        Assert.Equal(15, workflow["test"].TimeoutMinutes);
        Assert.Contains(new KeyValuePair<string, string>("fetch-depth", "0"), workflow["build"].Steps[0].With);
        Assert.DoesNotContain(workflow["test"].Steps[0].With, w => w.Key == "fetch-depth");
        Assert.Equal("${{ github.event_name == 'pull_request' }}", workflow.Concurrency!.CancelInProgress);
    }

    [Fact]
    public void Pull_request_validation_builds_both_images_after_lint_and_test_and_never_sees_a_secret()
    {
        var workflow = Workflows.Plan<Pr.PullRequestValidation>(Pr.Declarations.Pipeline());

        Assert.Equal(["lint", "test", "build-api", "build-executor", "size-check"], workflow.Jobs.Select(j => j.Id));
        Assert.All(workflow.Jobs.Skip(2), job => Assert.Equal(["lint", "test"], job.Needs));
        Assert.All(workflow.Jobs, job => Assert.Empty(job.Secrets));
        Assert.All(workflow.Jobs, job => Assert.Null(job.If));
        Assert.Equal(["postgres", "redis"], workflow["test"].Services.Select(s => s.Name));
        Assert.Null(workflow.On.Push);
        Assert.Equal(["main", "develop"], workflow.On.PullRequest!.Branches);
    }

    [Fact]
    public void Main_pipeline_pushes_on_push_events_smoke_tests_shows_logs_on_failure_and_deploys_main_only()
    {
        var workflow = Workflows.Plan<Pr.MainPipeline>(Pr.Declarations.Pipeline());

        Assert.Equal(["test", "push-images", "smoke-k3s", "show-cluster-logs", "deploy-aws", "trivy-scan"], workflow.Jobs.Select(j => j.Id));

        // Test's own job is upstream, so the image builds run inside push-images, Lint too.
        Assert.Equal(["Lint", "BuildApi", "BuildExecutor", "PushImages"], workflow["push-images"].Runs);
        Assert.Equal(["test"], workflow["push-images"].Needs);
        // PushImages' condition skips PushImages alone, as locally: the job runs, the engine skips the push.
        Assert.Null(workflow["push-images"].If);

        // Nothing before it can be skipped by GitHub now, so GitHub's default (all succeeded) is right.
        Assert.Null(workflow["smoke-k3s"].If);
        Assert.Equal("failure()", workflow["show-cluster-logs"].If);
        Assert.Equal(["smoke-k3s"], workflow["show-cluster-logs"].Needs);
        Assert.Equal("github.ref == 'refs/heads/main'", workflow["deploy-aws"].If);

        Assert.Equal(new EnvironmentModel("production", "https://app.example.com"), workflow["deploy-aws"].Environment);
        Assert.Equal(["SSH_PRIVATE_KEY"], workflow["deploy-aws"].Secrets);
        Assert.Equal(["DOCKER_HUB_TOKEN"], workflow["push-images"].Secrets);
        Assert.Empty(workflow["smoke-k3s"].Secrets);

        Assert.True(workflow["trivy-scan"].ContinueOnError);
        Assert.Equal(["contents: read", "security-events: write"], workflow["trivy-scan"].Permissions!.Select(p => p.ToString()));
    }

    [Fact]
    public void Main_pipeline_takes_typed_inputs_from_parameters_and_passes_them_through_env()
    {
        var workflow = Workflows.Plan<Pr.MainPipeline>(Pr.Declarations.Pipeline());

        var inputs = workflow.On.Dispatch!.Inputs;
        Assert.Equal(["smoke-cluster-size", "keep-cluster"], inputs.Select(i => i.Id));
        Assert.Equal(DispatchInputType.Choice, inputs[0].Type);
        Assert.Equal(["Small", "Large"], inputs[0].Options);
        Assert.Equal("Small", inputs[0].Default);
        Assert.Equal(DispatchInputType.Boolean, inputs[1].Type);
        Assert.Equal("false", inputs[1].Default);

        // SmokeClusterSize is read by SmokeK3s only; KeepCluster by no declared target, so every job gets it.
        Assert.Contains(new KeyValuePair<string, string>("SMOKE_CLUSTER_SIZE", "${{ inputs.smoke-cluster-size }}"), workflow["smoke-k3s"].BuildStep.Env);
        Assert.DoesNotContain(workflow["test"].BuildStep.Env, e => e.Key == "SMOKE_CLUSTER_SIZE");
        Assert.All(workflow.Jobs, job => Assert.Contains(new KeyValuePair<string, string>("KEEP_CLUSTER", "${{ inputs.keep-cluster }}"), job.BuildStep.Env));
    }

    [Fact]
    public void Staged_release_gates_production_behind_its_environment_and_rolls_back_on_failure()
    {
        var workflow = Workflows.Plan<Staged.Release>(Staged.Declarations.Pipeline());

        Assert.Equal(["code-quality"], workflow["unit-tests"].Needs);
        Assert.Equal(["security-scan", "integration-tests"], workflow["build-images"].Needs); // in declaration order
        Assert.Equal(["staging-tests"], workflow["deploy-production"].Needs);
        Assert.Equal(new EnvironmentModel("production", "https://example.com"), workflow["deploy-production"].Environment);
        Assert.Equal(new EnvironmentModel("staging", "https://staging.example.com"), workflow["deploy-staging"].Environment);

        Assert.Equal("github.event_name == 'push' && github.ref == 'refs/heads/main'", workflow["deploy-staging"].If);
        Assert.Equal("!cancelled() && !failure()", workflow["staging-tests"].If);
        Assert.Equal("failure() && github.ref == 'refs/heads/main'", workflow["rollback"].If);

        // The production secret reaches the three jobs that use it, under its repository name; staging's only one.
        Assert.Equal(["PROD_KUBECONFIG"], workflow["deploy-production"].Secrets);
        Assert.Equal(["PROD_KUBECONFIG"], workflow["rollback"].Secrets);
        Assert.Equal(["KUBE_CONFIG_STAGING"], workflow["deploy-staging"].Secrets);
        Assert.All(workflow.Jobs.Where(j => j.Id is not ("deploy-production" or "health-check" or "rollback" or "deploy-staging")), j => Assert.Empty(j.Secrets));
        Assert.Contains(new KeyValuePair<string, string>("KUBE_CONFIG_PRODUCTION", "${{ secrets.PROD_KUBECONFIG }}"), workflow["rollback"].BuildStep.Env);

        Assert.Equal(["postgres", "redis"], workflow["integration-tests"].Services.Select(s => s.Name));
        Assert.Equal(["contents: read", "packages: write"], workflow["build-images"].Permissions!.Select(p => p.ToString()));
        Assert.Equal(30, workflow["unit-tests"].TimeoutMinutes);
        Assert.Equal(15, workflow["deploy-production"].TimeoutMinutes);
    }

    [Fact]
    public void Staged_release_moves_artifacts_from_the_job_that_makes_them_to_the_job_that_reads_them()
    {
        var workflow = Workflows.Plan<Staged.Release>(Staged.Declarations.Pipeline());

        var upload = Assert.Single(workflow["build-images"].Steps, s => s.Name == "Upload sbom");
        Assert.Contains(new KeyValuePair<string, string>("name", "sbom"), upload.With);
        var download = Assert.Single(workflow["container-scan"].Steps, s => s.Name == "Download sbom");
        Assert.Contains(new KeyValuePair<string, string>("path", "artifacts/sbom"), download.With);
        Assert.True(workflow["container-scan"].Steps.ToList().IndexOf(download) < workflow["container-scan"].Steps.ToList().IndexOf(workflow["container-scan"].BuildStep));

        // Test results go up even when the tests fail.
        var results = Assert.Single(workflow["unit-tests"].Steps, s => s.Name == "Upload test-results");
        Assert.Equal("always()", results.If);
        Assert.Contains(new KeyValuePair<string, string>("retention-days", "14"), results.With);
    }

    [Fact]
    public void Daily_security_scan_is_a_second_workflow_from_the_same_graph_on_a_schedule()
    {
        var workflow = Workflows.Plan<Staged.DailySecurityScan>(Staged.Declarations.Pipeline());

        Assert.Equal(["0 2 * * *"], workflow.On.Schedules);
        Assert.Empty(workflow.On.Dispatch!.Inputs);
        Assert.Equal("security-scan", Assert.Single(workflow.Jobs).Id);
        Assert.Equal(".github/workflows/daily-security-scan.yml", workflow.Path);
    }

    public static TheoryData<string> SeedWorkflows() => [.. AllSeedFiles().Select(f => f.RelativePath)];

    [Theory]
    [MemberData(nameof(SeedWorkflows))]
    public async Task Every_seed_workflow_passes_actionlint_and_GitHubs_parser(string path)
    {
        var file = AllSeedFiles().Single(f => f.RelativePath == path);

        await WorkflowLint.AssertCleanAsync(file.Content, Path.GetFileName(path));
    }

    private static IEnumerable<GeneratedFile> AllSeedFiles() =>
    [
        Workflows.Render<Ticket.TicketServiceCi>(Ticket.Declarations.Pipeline()),
        Workflows.Render<Pr.PullRequestValidation>(Pr.Declarations.Pipeline()),
        Workflows.Render<Pr.MainPipeline>(Pr.Declarations.Pipeline()),
        Workflows.Render<Staged.Release>(Staged.Declarations.Pipeline()),
        Workflows.Render<Staged.DailySecurityScan>(Staged.Declarations.Pipeline()),
    ];
}
