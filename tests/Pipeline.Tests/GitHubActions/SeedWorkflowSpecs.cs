using Pipeline.Generation;
using Pipeline.GitHubActions;
using Pipeline.Tests.GitHubActions.Support;
using Pr = Pipeline.Tests.GitHubActions.Seeds.PrValidationAndK3sSmoke;
using Rust = Pipeline.Tests.GitHubActions.Seeds.RustWorkspace;

namespace Pipeline.Tests.GitHubActions;

/// <summary>The real pipelines of shared/seeds, as workflow models: jobs, needs, ifs, services, permissions, secrets.</summary>
public sealed class SeedWorkflowSpecs
{
    private static readonly string[] ReadContents = ["contents: read"];

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
        Workflows.Render<Pr.PullRequestValidation>(Pr.Declarations.Pipeline()),
        Workflows.Render<Pr.MainPipeline>(Pr.Declarations.Pipeline()),
        Workflows.Render<Rust.RustCi>(Rust.Declarations.Pipeline()),
    ];
}
