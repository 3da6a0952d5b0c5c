using Pipeline.GitHubActions;
using Pipeline.Tests.GitHubActions.Support;
using Pipeline.Tests.Support;

namespace Pipeline.Tests.GitHubActions;

/// <summary>
/// Steps beyond <c>./build.sh</c>: actions (pinned through the workflow's pins) and commands, before
/// or after the build step, with every step setting; the checkout's options; a job without the .NET
/// set-up or caches; the default shell, and <c>./build.ps1</c> on Windows.
/// </summary>
public sealed class ActionStepSpecs
{
    private const string BuildxSha = "b5ca514318bd6ebac0fb2aedd5d36ec1b5c232a2";
    private const string LoginSha = "c94ce9fb468520275223c153574b00df6fe4bcc9";
    private static readonly Parameter<string> RegistryToken = Parameter.Secret("Token of the registry");

    [Fact]
    public async Task Action_and_command_steps_run_before_and_after_the_build_step_with_every_setting()
    {
        var workflow = InlineWorkflow.Plan(
            new Script().Target<A>(),
            w => w.Pin("docker/setup-buildx-action", BuildxSha, "v3.10.0").Pin("docker/login-action", LoginSha, "v3.7.0").Job<A>(j => j
                .BeforeBuild(s => s.Uses("docker/setup-buildx-action").Id("buildx").With("version", "latest").With("install", true))
                .BeforeBuild(s => s.Name("Log in").Uses("docker/login-action").With("password", RegistryToken).With("registry", "ghcr.io"))
                .AfterBuild(s => s
                    .Name("Report")
                    .Run("echo \"builder: $BUILDER\"")
                    .If("always()")
                    .Env("BUILDER", "${{ steps.buildx.outputs.name }}")
                    .Shell("bash")
                    .WorkingDirectory("artifacts")
                    .ContinueOnError()
                    .Timeout(TimeSpan.FromSeconds(90)))));

        var yaml = RenderedYaml.Parse(workflow);

        Assert.Equal(
            ["Check out", "Set up .NET", "Cache dotnet packages", "docker/setup-buildx-action", "Log in", "Cache the compiled pipeline", "Trust the restored pipeline", "Run A", "Report", "Upload the run report", "Link the run report"],
            yaml.StepNames("a"));
        var buildx = yaml.Step("a", "docker/setup-buildx-action");
        Assert.Equal($"docker/setup-buildx-action@{BuildxSha}", buildx.At("uses").Text());
        Assert.Contains($"@{BuildxSha} # v3.10.0", WorkflowRenderer.Render(workflow), StringComparison.Ordinal);
        Assert.Equal($"docker/login-action@{LoginSha}", yaml.Step("a", "Log in").At("uses").Text());
        Assert.Equal("buildx", buildx.At("id").Text());
        Assert.Equal("true", buildx.At("with", "install").Text());
        Assert.Equal("${{ secrets.REGISTRY_TOKEN }}", yaml.Step("a", "Log in").At("with", "password").Text());
        Assert.Contains("REGISTRY_TOKEN", workflow["a"].Secrets);
        var report = yaml.Step("a", "Report");
        Assert.Equal(["name", "if", "run", "shell", "working-directory", "env", "continue-on-error", "timeout-minutes"], report.Keys());
        Assert.Equal("2", report.At("timeout-minutes").Text());
        Assert.True(workflow["a"].BuildStep.IsBuild);
        await WorkflowLint.AssertCleanAsync(WorkflowRenderer.Render(workflow), "steps.yml");
    }

    [Fact]
    public async Task Checkout_options_and_a_job_without_the_dotnet_set_up_or_caches()
    {
        var workflow = InlineWorkflow.Plan(
            new Script().Target<A>().Target<B>(),
            w => w
                .Job<A>(j => j.Checkout(fetchDepth: 0, lfs: true, submodules: CheckoutSubmodules.Recursive, @ref: "${{ github.event.workflow_run.head_sha }}"))
                .Job<B>(j => j.NoDotNetSetUp().NoCaches()));

        var yaml = RenderedYaml.Parse(workflow);

        var checkout = yaml.Step("a", "Check out");
        Assert.Equal(["fetch-depth", "lfs", "submodules", "ref", "persist-credentials"], checkout.At("with").Keys());
        Assert.Equal("recursive", checkout.At("with", "submodules").Text());
        Assert.Equal(["Check out", "Run B", "Upload the run report", "Link the run report"], yaml.StepNames("b"));
        await WorkflowLint.AssertCleanAsync(WorkflowRenderer.Render(workflow), "checkout.yml");
    }

    [Fact]
    public async Task A_Windows_job_or_a_PowerShell_default_shell_runs_build_ps1_and_a_bash_default_shell_build_sh()
    {
        var workflow = InlineWorkflow.Plan(
            new Script().Target<A>().Target<B>().Target<C>(),
            w => w
                .Job<A>(j => j.RunsOn("windows-2025"))
                .Job<B>(j => j.DefaultShell("pwsh"))
                .Job<C>(j => j.RunsOn("windows-latest").DefaultShell("bash")));

        var yaml = RenderedYaml.Parse(workflow);

        Assert.Equal("./build.ps1 A", workflow["a"].BuildStep.Run);
        Assert.Equal("./build.ps1 B", workflow["b"].BuildStep.Run);
        Assert.Equal("pwsh", yaml.At("jobs", "b", "defaults", "run", "shell").Text());
        Assert.Equal("./build.sh C", workflow["c"].BuildStep.Run);
        await WorkflowLint.AssertCleanAsync(WorkflowRenderer.Render(workflow), "shells.yml");
    }

    public static TheoryData<string, string> StepErrors => new()
    {
        { "unpinned", "uses docker/login-action, which neither the workflow pins (.Pin) nor .nuke/actions.lock.json locks" },
        { "both", "must either use an action (Uses) or run a command (Run), and not both" },
        { "neither", "must either use an action (Uses) or run a command (Run), and not both" },
        { "shell-on-action", "uses an action, so it takes no shell or working directory" },
        { "with-on-run", "runs a command, so it takes no action inputs (With)" },
        { "bad-id", "has the id '1st', which GitHub rejects" },
        { "same-id", "has the id 'x', which another step of the job has" },
        { "secrets", "reads the secrets context" },
        { "not-a-secret", "passes Version as token, but it is not a secret parameter" },
        { "not-an-action", "uses 'login-action', which is not an action" },
        { "own-ref-but-pinned", "with its own ref, but the workflow pins that action" },
    };

    [Theory]
    [MemberData(nameof(StepErrors))]
    public void A_step_GitHub_would_reject_or_that_reads_secrets_directly_fails_generation(string error, string expected)
    {
        var version = Parameter.Create<string>("Version to stamp", name: "Version");
        var exception = Assert.Throws<DefinitionException>(() => InlineWorkflow.Plan(
            new Script().Target<A>(),
            w => w.Pin("actions/cache", BuildxSha, "v4.2.0").Job<A>(j => _ = error switch
            {
                "unpinned" => j.BeforeBuild(s => s.Uses("docker/login-action")),
                "both" => j.BeforeBuild(s => s.Uses($"docker/login-action@{LoginSha}").Run("echo")),
                "neither" => j.BeforeBuild(s => s.Name("Nothing")),
                "shell-on-action" => j.BeforeBuild(s => s.Uses($"docker/login-action@{LoginSha}").Shell("bash")),
                "with-on-run" => j.BeforeBuild(s => s.Run("echo").With("x", "y")),
                "bad-id" => j.BeforeBuild(s => s.Run("echo").Id("1st")),
                "same-id" => j.BeforeBuild(s => s.Run("echo").Id("x")).AfterBuild(s => s.Run("echo").Id("x")),
                "secrets" => j.AfterBuild(s => s.Run("echo").Env("TOKEN", "${{ secrets.TOKEN }}")),
                "not-a-secret" => j.BeforeBuild(s => s.Uses($"docker/login-action@{LoginSha}").With("token", version)),
                "not-an-action" => j.BeforeBuild(s => s.Uses("login-action")),
                _ => j.BeforeBuild(s => s.Uses("actions/cache@v4")),
            })));

        Assert.Contains(expected, exception.Message, StringComparison.Ordinal);
    }
}
