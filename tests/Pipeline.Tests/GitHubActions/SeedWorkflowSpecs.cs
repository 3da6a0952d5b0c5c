using Pipeline.Generation;
using Pipeline.GitHubActions;
using Pipeline.Tests.GitHubActions.Support;
using Rust = Pipeline.Tests.GitHubActions.Seeds.RustWorkspace;
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

    [Fact]
    public void Rust_workspace_tests_twelve_services_six_at_a_time_and_always_reports_and_notifies()
    {
        var workflow = Workflows.Plan<Rust.RustCi>(Rust.Declarations.Pipeline());

        var matrix = workflow["test-services"].Matrix!;
        Assert.Equal(12, Assert.Single(matrix.Axes).Values.Count);
        Assert.Equal(6, matrix.MaxParallel);
        Assert.False(matrix.FailFast);
        Assert.Contains(new KeyValuePair<string, string>("PIPELINE_MATRIX_SERVICE", "${{ matrix.service }}"), workflow["test-services"].BuildStep.Env);

        Assert.True(workflow["security-audit"].ContinueOnError);
        Assert.Equal("always()", workflow["quality-report"].If);
        Assert.Equal("always()", workflow["notify"].If);
        Assert.Equal(["deploy-staging", "quality-report"], workflow["notify"].Needs);
        Assert.Equal(["test-services", "security-audit"], workflow["build-release"].Needs);

        Assert.Equal(["ubuntu-latest"], workflow["format-and-lint"].RunsOn);
        Assert.Equal(["self-hosted", "linux", "x64"], workflow["test-services"].RunsOn);

        // Each cell uploads its own report; the report job downloads them all into one folder.
        Assert.Contains(new KeyValuePair<string, string>("name", "test-report-${{ matrix.service }}"), workflow["test-services"].Steps.Single(s => s.Name == "Upload test-report").With);
        Assert.Contains(new KeyValuePair<string, string>("pattern", "test-report-*"), workflow["quality-report"].Steps.Single(s => s.Name == "Download test-report").With);
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
        Workflows.Render<Staged.Release>(Staged.Declarations.Pipeline()),
        Workflows.Render<Staged.DailySecurityScan>(Staged.Declarations.Pipeline()),
        Workflows.Render<Rust.RustCi>(Rust.Declarations.Pipeline()),
    ];
}
