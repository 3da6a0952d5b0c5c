using Pipeline.GitHubActions;
using Pipeline.Tests.GitHubActions.Support;
using Pipeline.Tests.GitHubActions.ReferenceWorkflows.Polly;

// 01-polly-dotnet-build-sign-publish.md, "What a typed C# pipeline must express", bullet by bullet:
// - Triggers (push with branches and a tag glob; pull_request without filters; workflow_dispatch without
//   inputs): covered (typed).
// - Workflow permissions {} with a different set per job: covered (typed).
// - Workflow-level env map: covered (typed).
// - Include-only matrix of objects, runs-on and display name from matrix fields: covered (typed:
//   MatrixSpec.RunsOn; JobSpec.Name(Contexts.Matrix(JobName).AsString())).
// - Job timeout-minutes, fail-fast false: covered (typed).
// - Job outputs bound to step outputs, also written by an external script: covered (typed) by moving
//   the computation into a target: Versions produces seven Output<string>, which the generator binds to
//   the build step. A job output bound to another step's output (setup-dotnet's) has no typed form.
// - Consuming another job's outputs in with:, in step env:, inside a JSON literal: covered (typed): the
//   build step through Consumes (which also puts build into needs), the action steps through
//   Contexts.Output(...) in With/Env, the JSON literal as text + outputs (a StringExpression written as
//   the source's literal with ${{ }} inside).
// - Step id, shell pwsh, per-OS default shell: covered (typed: Id, Shell, DefaultShell; a windows-*
//   runner runs ./build.ps1).
// - Step env reading step outputs (SOURCE_DATE_EPOCH): covered (typed: BuildStepEnv with
//   Contexts.Step("get-commit-timestamp").Output("epoch"); an action step's env reads one the same way).
// - Step ifs (always(), !cancelled(), runner.os, matrix fields, github.event.repository.fork): covered
//   (typed: Functions.Always/Cancelled, Contexts.Runner.Os, Contexts.Matrix, Contexts.GitHub.Event).
//   The source's `${{ !cancelled() }}` is written without the wrapper an if: does not need.
// - Ternary expression (runner.debug == '1' && 'Debug' || 'Warning'): out of scope here: its step is the
//   build step, whose env the generator owns; the Sign target reads RUNNER_DEBUG itself.
// - Job if with startsWith(github.ref, 'refs/tags/'), skips propagating: the expression typed
//   (Declarations.TagOutsideForks), the key raw (typed gap: a job if: GitHub alone decides). As Sign's
//   OnlyWhen it would skip Sign alone, as a local run does, and the generator would give the two jobs
//   after it `!cancelled() && !failure()` so they run after the skip; the source has no if: on them.
// - Artifacts: signed-packages covered (typed Produces/Consumes: upload with if-no-files-found error,
//   download into its path); a name from one chosen matrix field, if-no-files-found ignore, one matrix
//   leg's artifact: typed gap (Produces in an include-only matrix names an upload by every field; the
//   name's expression itself is typed).
// - Several set-up steps of one action (multi-line versions, global.json): covered (typed: the
//   generated set-up step from global.json plus a StepSpec).
// - Environments name+url and name+deployment false: covered (typed).
// - OIDC (azure/login, NuGet/login output as a secret-like value, actions/attest multi-line
//   subject-path): covered (typed steps, id-token permission, Contexts.Step("nuget-login").Output).
// - GitHub App token then repository_dispatch with a typed payload: covered (typed: the token as
//   Contexts.Step(...).Output("token"), the payload from Contexts.Output).
// - Secrets by name and GITHUB_TOKEN: covered (typed: secret parameters, WorkflowSpec.Secret). The description
//   counts 10 distinct; it names nine repository secrets, ten with GITHUB_TOKEN: all ten are asserted.
// - SHA-pinned actions with a version comment: covered (typed: WorkflowSpec.Pin).
// - Workflow commands from scripts: out of scope (script content; TargetLog.Annotate is the typed form
//   for a target's own code).
namespace Pipeline.Tests.GitHubActions.ReferenceWorkflows;

/// <summary>Polly's build.yml reproduced as a pipeline: its jobs, needs, ifs, matrix, outputs, permissions, triggers and steps.</summary>
public sealed class PollySpecs
{
    private static WorkflowModel Plan() => Workflows.Plan<BuildWorkflow>(Declarations.Pipeline());

    private static YamlDotNet.RepresentationModel.YamlMappingNode Yaml() => RenderedYaml.Parse(Plan());

    [Fact]
    public void Five_jobs_whose_needs_name_build_wherever_its_outputs_are_read()
    {
        var workflow = Plan();

        Assert.Equal(["build", "validate-packages", "sign", "validate-signed-packages", "publish-nuget"], workflow.Jobs.Select(j => j.Id));
        Assert.Empty(workflow["build"].Needs);
        Assert.Equal(["build"], workflow["validate-packages"].Needs);
        Assert.Equal(["build", "validate-packages"], workflow["sign"].Needs);
        Assert.Equal(["build", "sign"], workflow["validate-signed-packages"].Needs);
        Assert.Equal(["build", "validate-signed-packages"], workflow["publish-nuget"].Needs);
    }

    [Fact]
    public void Only_sign_has_an_if_so_GitHub_skips_what_follows_it()
    {
        var yaml = Yaml();

        Assert.Equal("github.event.repository.fork == false && startsWith(github.ref, 'refs/tags/')", yaml.At("jobs", "sign", "if").Text());
        Assert.All(["build", "validate-packages", "validate-signed-packages", "publish-nuget"], job => Assert.False(yaml.Has("jobs", job, "if"), job));
    }

    [Fact]
    public void Triggers_permissions_and_env_are_the_workflows()
    {
        var yaml = Yaml();

        Assert.Equal("build", yaml.At("name").Text());
        Assert.Equal(["push", "pull_request", "workflow_dispatch"], yaml.At("on").Keys());
        Assert.Equal(["main", "release/*"], yaml.At("on", "push", "branches").Items());
        Assert.Equal(["*"], yaml.At("on", "push", "tags").Items());
        Assert.Empty(yaml.At("on", "pull_request").Keys());
        Assert.Empty(yaml.At("on", "workflow_dispatch").Keys());
        Assert.False(yaml.Has("concurrency"));
        Assert.Empty(yaml.At("permissions").Keys());
        Assert.Equal(
            ["DOTNET_CLI_TELEMETRY_OPTOUT", "DOTNET_GENERATE_ASPNET_CERTIFICATE", "DOTNET_NOLOGO", "DOTNET_SKIP_FIRST_TIME_EXPERIENCE",
             "DOTNET_SYSTEM_CONSOLE_ALLOW_ANSI_COLOR_REDIRECTION", "NUGET_XMLDOC_MODE", "TERM"],
            yaml.At("env").Keys());
        Assert.Equal("1", yaml.At("env", "DOTNET_SYSTEM_CONSOLE_ALLOW_ANSI_COLOR_REDIRECTION").Text());
        Assert.Equal("skip", yaml.At("env", "NUGET_XMLDOC_MODE").Text());

        var workflow = Plan();
        Assert.Equal(["actions: read", "contents: write"], workflow["build"].Permissions!.Select(p => p.ToString()));
        Assert.Null(workflow["validate-packages"].Permissions);
        Assert.Equal(["id-token: write"], workflow["sign"].Permissions!.Select(p => p.ToString()));
        Assert.Equal(["attestations: write", "contents: read", "id-token: write"], workflow["validate-signed-packages"].Permissions!.Select(p => p.ToString()));
        Assert.Equal(["id-token: write"], workflow["publish-nuget"].Permissions!.Select(p => p.ToString()));
    }

    [Fact]
    public void Build_is_an_include_only_matrix_of_three_runners_with_seven_outputs()
    {
        var yaml = Yaml();
        var build = yaml.At("jobs", "build");

        Assert.Equal("${{ matrix.job-name }}", build.At("name").Text());
        Assert.Equal("${{ matrix.runner }}", build.At("runs-on").Text());
        Assert.Equal("20", build.At("timeout-minutes").Text());
        Assert.Equal("false", build.At("strategy", "fail-fast").Text());
        Assert.Equal(["include"], build.At("strategy", "matrix").Keys());
        string[][] cells = [["macos-latest", "macos", "macos-26"], ["ubuntu-latest", "linux", "ubuntu-24.04"], ["windows-latest", "windows", "windows-2025"]];
        for (var i = 0; i < cells.Length; i++)
        {
            var cell = build.At("strategy", "matrix", "include", i.ToString(System.Globalization.CultureInfo.InvariantCulture));
            Assert.Equal(["job-name", "os-name", "runner"], cell.Keys());
            Assert.Equal(cells[i], cell.Keys().Select(k => cell.At(k).Text()));
        }

        Assert.Equal(
            ["dotnet-sdk-version", "package-names", "package-version", "authenticodelint-version", "dotnet-sign-version", "dotnet-validate-version", "nuget-package-validation-version"],
            build.At("outputs").Keys());
        Assert.All(build.At("outputs").Keys(), key => Assert.Equal($"${{{{ steps.build.outputs.{key} }}}}", build.At("outputs", key).Text()));
        Assert.Equal("pwsh", build.At("defaults", "run", "shell").Text());
        Assert.Equal("./build.ps1 Build", Plan()["build"].BuildStep.Run);
    }

    [Fact]
    public void Build_steps_set_up_two_SDK_sets_upload_by_OS_report_to_Codecov_and_make_the_SBOM_on_Windows()
    {
        var yaml = Yaml();

        Assert.Equal(
            ["Check out", "Set up .NET", "Update agent configuration", "Get Git commit timestamp", "Setup .NET SDKs", "Run Build",
             "Upload Coverage Reports", "Upload coverage to Codecov", "Upload test results to Codecov", "Publish NuGet packages", "Upload signing file list", "Generate SBOM", "Upload the run report", "Link the run report"],
            yaml.StepNames("build"));
        Assert.Equal("0", yaml.Step("build", "Check out").At("with", "fetch-depth").Text());
        Assert.Equal("global.json", yaml.Step("build", "Set up .NET").At("with", "global-json-file").Text());
        Assert.Equal("8.0.x\n9.0.x", yaml.Step("build", "Setup .NET SDKs").At("with", "dotnet-version").Text());
        Assert.Equal("get-commit-timestamp", yaml.Step("build", "Get Git commit timestamp").At("id").Text());
        Assert.Equal("pwsh", yaml.Step("build", "Get Git commit timestamp").At("shell").Text());

        var coverage = yaml.Step("build", "Upload Coverage Reports");
        Assert.Equal("always()", coverage.At("if").Text());
        Assert.Equal("coverage-${{ matrix.os-name }}", coverage.At("with", "name").Text());
        Assert.Equal("ignore", coverage.At("with", "if-no-files-found").Text());

        var codecov = yaml.Step("build", "Upload coverage to Codecov");
        Assert.StartsWith("codecov/codecov-action@", codecov.At("uses").Text(), StringComparison.Ordinal);
        Assert.Equal("always() && github.event.repository.fork == false", codecov.At("if").Text());
        Assert.Equal("${{ secrets.CODECOV_TOKEN }}", codecov.At("with", "token").Text());
        var results = yaml.Step("build", "Upload test results to Codecov");
        Assert.Equal("!cancelled()", results.At("if").Text()); // the source wraps it in ${{ }}, which an if: does not need
        Assert.Equal("test_results", results.At("with", "report_type").Text());

        var packages = yaml.Step("build", "Publish NuGet packages");
        Assert.Equal("packages-${{ matrix.os-name }}", packages.At("with", "name").Text());
        Assert.Equal("error", packages.At("with", "if-no-files-found").Text());
        Assert.Equal("matrix.os-name == 'windows'", yaml.Step("build", "Upload signing file list").At("if").Text());
        var sbom = yaml.Step("build", "Generate SBOM");
        Assert.Equal("runner.os == 'Windows'", sbom.At("if").Text());
        Assert.Equal(["path", "output-file", "artifact-name", "upload-release-assets"], sbom.At("with").Keys());
        Assert.Equal("polly.spdx.json", sbom.At("with", "artifact-name").Text());
        Assert.Equal(["CODECOV_TOKEN"], Plan()["build"].Secrets);
    }

    [Fact]
    public void Validation_and_signing_read_the_SDK_and_tool_versions_build_published()
    {
        var yaml = Yaml();
        var workflow = Plan();

        Assert.Equal("ubuntu-24.04", yaml.At("jobs", "validate-packages", "runs-on").Text());
        Assert.Equal("packages-windows", yaml.Step("validate-packages", "Download packages").At("with", "name").Text());
        Assert.Equal("${{ needs.build.outputs.dotnet-sdk-version }}", yaml.Step("validate-packages", "Setup .NET SDK").At("with", "dotnet-version").Text());
        Assert.Equal("${{ needs.build.outputs.dotnet-validate-version }}", yaml.Step("validate-packages", "Install NuGet package validation tools").At("env", "DOTNET_VALIDATE_VERSION").Text());
        Assert.Contains(new KeyValuePair<string, string>("GH_TOKEN", "${{ secrets.GITHUB_TOKEN }}"), workflow["validate-packages"].BuildStep.Env);
        Assert.Contains(
            new KeyValuePair<string, string>("PIPELINE_OUTPUT_NUGET_PACKAGE_VALIDATION_VERSION", "${{ needs.build.outputs.nuget-package-validation-version }}"),
            workflow["validate-packages"].BuildStep.Env);

        var sign = yaml.At("jobs", "sign");
        Assert.Equal("windows-2025", sign.At("runs-on").Text());
        Assert.Equal("Azure", sign.At("environment", "name").Text());
        Assert.Equal("false", sign.At("environment", "deployment").Text());
        Assert.Equal("./build.ps1 Sign --skip Versions Build ValidatePackages", workflow["sign"].BuildStep.Run);
        Assert.Equal("packages", yaml.Step("sign", "Download unsigned packages").At("with", "path").Text());
        Assert.Equal("signing-config", yaml.Step("sign", "Download signing configuration").At("with", "name").Text());
        Assert.False(yaml.Step("sign", "Install Sign CLI tool").Has("shell"));
        Assert.Equal("${{ needs.build.outputs.dotnet-sign-version }}", yaml.Step("sign", "Install Sign CLI tool").At("env", "DOTNET_SIGN_VERSION").Text());
        var login = yaml.Step("sign", "Azure log in");
        Assert.StartsWith("azure/login@", login.At("uses").Text(), StringComparison.Ordinal);
        Assert.Equal("${{ secrets.SIGN_CLI_APPLICATION_ID }}", login.At("with", "client-id").Text());
        Assert.Equal("${{ secrets.SIGN_CLI_SUBSCRIPTION_ID }}", login.At("with", "subscription-id").Text());
        Assert.Equal("${{ secrets.SIGN_CLI_TENANT_ID }}", login.At("with", "tenant-id").Text());
        Assert.Contains(new KeyValuePair<string, string>("AZURE_KEY_VAULT_CERTIFICATE", "${{ secrets.SIGN_CLI_CERT_NAME }}"), workflow["sign"].BuildStep.Env);
        Assert.Contains(new KeyValuePair<string, string>("AZURE_KEY_VAULT_URL", "${{ secrets.SIGN_CLI_VAULT_URI }}"), workflow["sign"].BuildStep.Env);
        var upload = yaml.Step("sign", "Upload signed-packages");
        Assert.Equal(["signed-packages", "packages", "error"], upload.At("with").Keys().Select(k => upload.At("with", k).Text()));
        Assert.Equal(
            ["SIGN_CLI_APPLICATION_ID", "SIGN_CLI_CERT_NAME", "SIGN_CLI_SUBSCRIPTION_ID", "SIGN_CLI_TENANT_ID", "SIGN_CLI_VAULT_URI"],
            workflow["sign"].Secrets);
    }

    [Fact]
    public void Signed_packages_are_validated_attested_and_published_with_trusted_publishing_then_announced()
    {
        var yaml = Yaml();
        var workflow = Plan();

        Assert.Equal("signed-packages", yaml.Step("validate-signed-packages", "Download signed-packages").At("with", "name").Text());
        Assert.Equal("./artifacts", yaml.Step("validate-signed-packages", "Download SBOM").At("with", "path").Text());
        var attest = yaml.Step("validate-signed-packages", "Attest artifacts");
        Assert.StartsWith("actions/attest@", attest.At("uses").Text(), StringComparison.Ordinal);
        Assert.Equal("./artifacts/polly.spdx.json\n./artifacts/*/lib/**/*", attest.At("with", "subject-path").Text());

        var publish = yaml.At("jobs", "publish-nuget");
        Assert.Equal("ubuntu-24.04", publish.At("runs-on").Text());
        Assert.Equal(Declarations.GalleryEnvironment, publish.At("environment", "name").Text());
        Assert.Equal(Declarations.GalleryProfile, publish.At("environment", "url").Text());
        var login = yaml.Step("publish-nuget", "NuGet log in");
        Assert.Equal("nuget-login", login.At("id").Text());
        Assert.Equal("${{ secrets.NUGET_USER }}", login.At("with", "user").Text());
        var push = yaml.Step("publish-nuget", "Push signed NuGet packages");
        Assert.Equal("${{ steps.nuget-login.outputs.NUGET_API_KEY }}", push.At("env", "NUGET_API_KEY").Text());
        Assert.Equal("${{ needs.build.outputs.package-version }}", push.At("env", "PACKAGE_VERSION").Text());
        Assert.False(push.Has("shell"));
        var token = yaml.Step("publish-nuget", "Generate GitHub application token");
        Assert.Equal("generate-application-token", token.At("id").Text());
        Assert.Equal("${{ secrets.POLLY_UPDATER_BOT_APP_ID }}", token.At("with", "client-id").Text());
        Assert.Equal("${{ secrets.POLLY_UPDATER_BOT_KEY }}", token.At("with", "private-key").Text());
        Assert.Equal("write", token.At("with", "permission-contents").Text());
        var dispatch = yaml.Step("publish-nuget", "Publish nuget_packages_published");
        Assert.Equal("nuget_packages_published", dispatch.At("with", "event-type").Text());
        Assert.Equal("${{ steps.generate-application-token.outputs.token }}", dispatch.At("with", "token").Text());
        Assert.Equal(
            "{\n  \"packages\": \"${{ needs.build.outputs.package-names }}\",\n  \"version\": \"${{ needs.build.outputs.package-version }}\"\n}",
            dispatch.At("with", "client-payload").Text());
        Assert.Equal(["NUGET_USER", "POLLY_UPDATER_BOT_APP_ID", "POLLY_UPDATER_BOT_KEY"], workflow["publish-nuget"].Secrets);

        // Nine repository secrets by name, and the built-in token.
        Assert.Equal(
            ["CODECOV_TOKEN", "GITHUB_TOKEN", "NUGET_USER", "POLLY_UPDATER_BOT_APP_ID", "POLLY_UPDATER_BOT_KEY",
             "SIGN_CLI_APPLICATION_ID", "SIGN_CLI_CERT_NAME", "SIGN_CLI_SUBSCRIPTION_ID", "SIGN_CLI_TENANT_ID", "SIGN_CLI_VAULT_URI"],
            workflow.Jobs.SelectMany(j => j.Secrets).Distinct().Order(StringComparer.Ordinal));
    }

    [Fact]
    public void Every_action_is_pinned_by_commit_with_its_version_in_a_comment()
    {
        var content = Workflows.Render<BuildWorkflow>(Declarations.Pipeline()).Content;
        var uses = content.Split('\n').Where(l => l.TrimStart().StartsWith("uses:", StringComparison.Ordinal)).ToList();

        Assert.NotEmpty(uses);
        Assert.All(uses, line => Assert.Matches(@"uses: [\w./-]+@[0-9a-f]{40} # v\d+\.\d+\.\d+$", line));
        Assert.Contains(uses, l => l.Contains("actions/attest@", StringComparison.Ordinal) && l.EndsWith("# v4.2.2", StringComparison.Ordinal));
    }

    /// <summary>
    /// actionlint 1.7.7 predates two things GitHub accepts, both in the description: the macos-26
    /// runner label and <c>deployment: false</c>. Those are its only findings; GitHub's parser has none.
    /// </summary>
    [Fact]
    public async Task The_generated_workflow_passes_GitHubs_parser_and_actionlint_but_for_what_actionlint_1_7_7_does_not_know()
    {
        var file = Workflows.Render<BuildWorkflow>(Declarations.Pipeline());

        var findings = await WorkflowLint.FindingsAsync(file.Content, "build.yml");

        Assert.Equal(
            ["actionlint [runner-label] label \"macos-26\" is unknown", "actionlint [syntax-check] unexpected key \"deployment\" for \"environment\" section"],
            findings.Select(f => $"{f.Tool} [{f.Kind}] {f.Message[..f.Message.IndexOf('.', StringComparison.Ordinal)]}"));
    }
}
