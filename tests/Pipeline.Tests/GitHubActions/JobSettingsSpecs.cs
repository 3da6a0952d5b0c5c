using Pipeline.GitHubActions;
using Pipeline.Tests.GitHubActions.Support;
using Pipeline.Tests.Support;

namespace Pipeline.Tests.GitHubActions;

/// <summary>Job-level display name, env, concurrency, container and environment settings.</summary>
public sealed class JobSettingsSpecs
{
    [Fact]
    public async Task A_job_has_its_display_name_env_concurrency_container_and_environment_settings()
    {
        var workflow = InlineWorkflow.Plan(
            new Script().Target<A>(),
            w => w.Job<A>(j => j
                .Name("Deploy ${{ github.ref_name }}")
                .Env("DOTNET_NOLOGO", "1")
                .Env("IMAGE_TAG", "build-${{ github.sha }}")
                .Concurrency("deploy-${{ github.ref }}", cancelInProgress: true)
                .Container("mcr.microsoft.com/dotnet/sdk:10.0", options: "--cpus 2")
                .Environment("staging", url: "${{ steps.deploy.outputs.url }}")
                .AfterBuild(s => s.Id("deploy").Run("echo \"url=https://staging.example.com\" >> \"$GITHUB_OUTPUT\""))));

        var yaml = RenderedYaml.Parse(workflow);
        var job = yaml.At("jobs", "a");

        Assert.Equal("Deploy ${{ github.ref_name }}", job.At("name").Text());
        Assert.Equal("build-${{ github.sha }}", job.At("env", "IMAGE_TAG").Text());
        Assert.Equal("true", job.At("concurrency", "cancel-in-progress").Text());
        Assert.Equal("mcr.microsoft.com/dotnet/sdk:10.0", job.At("container", "image").Text());
        Assert.Equal("${{ steps.deploy.outputs.url }}", job.At("environment", "url").Text());
        await WorkflowLint.AssertCleanAsync(WorkflowRenderer.Render(workflow), "job-settings.yml");
    }

    /// <summary>
    /// GitHub added <c>deployment: false</c> after actionlint 1.7.7, which still calls it an
    /// unexpected key: GitHub's own parser accepts it, and it is actionlint's only finding.
    /// </summary>
    [Fact]
    public async Task An_environment_without_a_deployment_is_accepted_by_GitHubs_parser()
    {
        var workflow = InlineWorkflow.Plan(new Script().Target<A>(), w => w.Job<A>(j => j.Environment("release", deployment: false)));

        var findings = await WorkflowLint.FindingsAsync(WorkflowRenderer.Render(workflow), "no-deployment.yml");

        Assert.Equal("false", RenderedYaml.Parse(workflow).At("jobs", "a", "environment", "deployment").Text());
        Assert.Equal(["actionlint: unexpected key \"deployment\" for \"environment\" section"], findings.Select(f => $"{f.Tool}: {f.Message[..f.Message.IndexOf(". ", StringComparison.Ordinal)]}"));
    }

    public static TheoryData<string, string> SettingErrors => new()
    {
        { "env-name", "the job A: the variable name '1X' must be letters" },
        { "env-secret", "the job A: its env variable TOKEN reads the secrets context" },
        { "group", "the job A has an empty concurrency group" },
        { "container", "the job A has a container without an image" },
        { "url", "the job A: its environment URL reads the secrets context" },
    };

    [Theory]
    [MemberData(nameof(SettingErrors))]
    public void A_job_setting_GitHub_would_reject_or_that_reads_secrets_fails_generation(string error, string expected)
    {
        var exception = Assert.Throws<DefinitionException>(() => InlineWorkflow.Plan(
            new Script().Target<A>(),
            w => w.Job<A>(j => _ = error switch
            {
                "env-name" => j.Env("1X", "y"),
                "env-secret" => j.Env("TOKEN", "${{ secrets.TOKEN }}"),
                "group" => j.Concurrency(" "),
                "container" => j.Container(""),
                _ => j.Environment("prod", url: "https://x/${{ secrets.HOST }}"),
            })));

        Assert.Contains(expected, exception.Message, StringComparison.Ordinal);
    }
}
