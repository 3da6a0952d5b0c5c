using GitOpsService.Build;
using Pipeline.Delivery.Tests.Support;

namespace Pipeline.Delivery.Tests.Samples;

/// <summary>samples/gitops-service's committed workflow: current, clean under the linters, and shaped as the GitOps seed.</summary>
public sealed class GitOpsServiceWorkflowSpecs
{
    private static readonly AbsolutePath Sample = WorkflowLint.RepositoryRoot / "samples" / "gitops-service";

    private static Task<string> DeliverAsync() =>
        File.ReadAllTextAsync(Sample / ".github" / "workflows" / "deliver.yml", TestContext.Current.CancellationToken);

    [Fact]
    public async Task The_committed_generated_files_match_the_pipeline()
    {
        // --check writes nothing, so it can run on the sample itself.
        var check = await PipelineRun.RunAsync(GitOpsServicePipeline.Create(), Sample, "--generate", "--check");

        Assert.True(check.ExitCode == 0, check.ToString());
    }

    [Fact]
    public async Task The_delivery_workflow_lints_clean() =>
        await WorkflowLint.AssertCleanAsync(await DeliverAsync(), "deliver.yml");

    [Fact]
    public async Task On_a_push_to_main_one_job_runs_the_same_build_sh_as_a_laptop_for_production()
    {
        var yaml = await DeliverAsync();

        Assert.Contains("on:\n  push:\n    branches: [main]\n", yaml, StringComparison.Ordinal);
        Assert.Contains("env:\n  DEPLOY_ENVIRONMENT: Production\n", yaml, StringComparison.Ordinal); // critical findings block here
        Assert.Contains("jobs:\n  deploy:\n", yaml, StringComparison.Ordinal);
        Assert.DoesNotContain("needs:", yaml, StringComparison.Ordinal);
        // Besides the pipeline, only the generated link to the run report is a shell step.
        var runs = yaml.Split('\n').Where(l => l.TrimStart().StartsWith("run:", StringComparison.Ordinal)).Select(l => l.Trim()["run: ".Length..]).ToList();
        Assert.Equal(["./build.sh Deploy"], runs.Where(r => !r.Contains("[Run report]", StringComparison.Ordinal)));
        Assert.Equal(2, runs.Count);
    }

    [Fact]
    public async Task Trivy_is_installed_pinned_its_sarif_uploaded_and_only_that_grant_added_to_the_deployment_one()
    {
        var yaml = await DeliverAsync();

        Assert.Matches(@"uses: aquasecurity/setup-trivy@[0-9a-f]{40} # v", yaml);
        Assert.Matches(@"uses: github/codeql-action/upload-sarif@[0-9a-f]{40} # v", yaml);
        Assert.Contains("    permissions:\n      contents: read\n      deployments: write\n      security-events: write\n", yaml, StringComparison.Ordinal);
        Assert.Contains("    environment:\n      name: production\n", yaml, StringComparison.Ordinal);
    }

    [Fact]
    public async Task The_credentials_are_secrets_and_the_devops_repository_a_variable()
    {
        var yaml = await DeliverAsync();

        foreach (var secret in new[] { "GITOPS_TOKEN", "DOCKER_HUB_TOKEN", "DATABASE_ADMIN_URL", "DATABASE_PASSWORD", "KUBECONFIG_DATA" })
        {
            Assert.Contains($"{secret}: ${{{{ secrets.{secret} }}}}", yaml, StringComparison.Ordinal);
        }

        Assert.Contains("GITOPS_REPOSITORY: ${{ vars.GITOPS_REPOSITORY }}", yaml, StringComparison.Ordinal);
        Assert.DoesNotContain(":latest", yaml, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Build_sh_alone_plans_the_seed_s_pipeline_push_waits_for_the_scan_and_the_secrets_for_the_database()
    {
        using var copy = SampleCopy.Of("gitops-service");

        var plan = await PipelineRun.RunAsync(GitOpsServicePipeline.Create(), copy.Path, "--plan");

        Assert.True(plan.ExitCode == 0, plan.ToString());
        Assert.Contains("Plan for Deploy: 10 of 10 targets run", plan.Output, StringComparison.Ordinal);
        Assert.Matches(@"(?m)^3 +Push +BuildImage, Format, Lint, Test, Scan *$", plan.Output);
        Assert.Matches(@"(?m)^2 +SetUpSecrets +SetUpDatabase *$", plan.Output);
        Assert.Matches(@"(?m)^4 +Deploy +Push, SetUpDatabase, SetUpSecrets *$", plan.Output);
    }
}
