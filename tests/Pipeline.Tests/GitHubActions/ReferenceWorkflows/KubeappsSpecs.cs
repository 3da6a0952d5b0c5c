using Pipeline.Generation;
using Pipeline.GitHubActions;
using Pipeline.Tests.GitHubActions.Support;
using YamlDotNet.RepresentationModel;
using Kube = Pipeline.Tests.GitHubActions.ReferenceWorkflows.Kubeapps;

namespace Pipeline.Tests.GitHubActions.ReferenceWorkflows;

/// <summary>
/// 05 — Kubeapps' kind E2E pipeline (shared/reference-workflows/05-…), reproduced in <see cref="Kube.KubeappsGeneral"/>
/// and its three callers. What a typed C# pipeline must express, bullet by bullet:
/// <list type="bullet">
/// <item>A reusable workflow switched by typed boolean inputs, called by three thin callers with different triggers and
///   concurrency groups, all with <c>secrets: inherit</c> — the callers' triggers are covered (typed: <c>OnPush(branches:,
///   tagsIgnore:)</c>, <c>OnPullRequest</c>, <c>OnWorkflowDispatch</c>, <c>OnSchedule</c>, <c>OnPush(tags:)</c>); the
///   <c>workflow_call</c> definition, its inputs and the calls are out of scope (issue 14: the inputs are declared through
///   <c>RawTrigger</c> only so the conditions read declared inputs, and each caller's job stands where the call goes);
///   the <c>if: inputs.x</c> conditions through the escape hatch (typed gap: expression; <c>Contexts.Input</c> reads only
///   inputs declared with <c>WorkflowDispatchInput</c>, and a <c>workflow_call</c> input has no parameter until issue 14).</item>
/// <item>Concurrency groups with a <c>||</c> fallback plus a suffix — covered (typed):
///   <c>Concurrency(CancelInProgress.Always, Contexts.GitHub.HeadRef.OrElse(Contexts.GitHub.RefName) + "_full")</c>.</item>
/// <item>Service containers: image from <c>needs.*.outputs</c>, env, port mapping, health-check options — covered (typed):
///   <c>ServiceContainer.WithEnvironment/WithPorts/WithHealthCheck(cmd, interval, timeout, retries)</c> rendered to
///   <c>--health-*</c> flags. Typed gap: an image from an output (a service image is literal; the tag is written in).</item>
/// <item>Job containers with the image from a job output — covered (typed <c>JobSpec.Container</c>), the output reference
///   through the escape hatch (typed gap: expression; <c>JobSpec.Container</c> takes text only).</item>
/// <item>Large workflow env with expressions; job env mixing literals, matrix values and outputs — covered (typed): workflow
///   env (<c>Env</c>; a part of the 42 entries) with <c>Env("IMG_DEV_TAG", "build-" + Contexts.GitHub.Sha)</c>; job env
///   (<c>JobSpec.Env</c>) with the matrix value (<c>Contexts.Matrix(TestsGroup)</c>); outputs reach the build step typed
///   (<c>Consumes</c>).</item>
/// <item>Job outputs fed by one settings step, and detecting references to undeclared outputs — covered (typed): the
///   settings step is the build step of <see cref="Kube.Setup"/>, whose 13 <c>Output&lt;T&gt;</c> (the 11 and the two the
///   source forgot to declare) become the job's outputs; a target reading an output no target produces is a definition
///   error (asserted below).</item>
/// <item>Matrix jobs whose display name interpolates the matrix value — covered (typed
///   <c>Name("Build " + Contexts.Matrix(Image).AsString() + " image")</c>).</item>
/// <item>Image build without push: <c>outputs: type=docker,dest=…</c>, gha cache, metadata-action with flavor, artifact
///   upload of the tarball, download of all artifacts into a path — covered (typed action steps, typed <c>Artifact</c>
///   uploads, <c>DownloadArtifacts(path:)</c>); step-output and job-output references typed (<c>Contexts.Step("setup")
///   .Output("img_file")</c>, <c>Contexts.Output(ImgDevTag)</c>); typed gaps: the matrix value written into the setup step's
///   script (<c>StepSpec.Run</c> takes text only), an artifact path outside the repository (/tmp) and a matrix artifact
///   named value-first (<c>&lt;image&gt;-image</c>), so the matrix upload is a user step.</item>
/// <item>Kubernetes E2E on kind: scripted clusters, <c>kind load image-archive</c>, env through <c>GITHUB_ENV</c>,
///   diagnostics on failure — covered (typed command steps).</item>
/// <item>Step conditions <c>failure()</c>, <c>always()</c>, <c>failure() &amp;&amp; env.X == 1</c>; step
///   <c>continue-on-error</c> — <c>continue-on-error</c> and <c>failure()</c> typed (<c>If(Functions.Failure())</c>);
///   <c>failure() &amp;&amp; env.TEST_RESULT == 1</c> through the escape hatch (typed gap: expression; <c>Contexts.Env</c> is text
///   without <c>AsNumber()</c>, so the number comparison cannot be written).</item>
/// <item>Aggregator jobs: <c>if: always()</c> or <c>inputs.x &amp;&amp; always()</c>, checking <c>needs.&lt;job&gt;.result</c> —
///   <c>always()</c> typed (<c>Condition.Always</c>), the result checks typed (<c>If(Contexts.Needs&lt;Linters&gt;().Result !=
///   "success")</c>); <c>inputs.x &amp;&amp; always()</c> through the escape hatch (typed gap: expression; a workflow_call input).</item>
/// <item>Reusable-workflow calls with many <c>with</c> values from outputs, string→boolean conversion, explicit secrets,
///   upper-case job ids — out of scope (issue 14); the GKE stand-in jobs read gke_setup's 15 outputs typed and get the two
///   secrets. Typed gap: job ids are the target's name in kebab-case (<c>gke-regular-version</c>, <c>test-go</c>).</item>
/// <item>Callee input types string, boolean, number with defaults; required secrets — out of scope (issue 14).</item>
/// <item>Working around "no env in with:" by promoting env to job outputs — covered (typed): gke_setup's 15 typed outputs.</item>
/// <item>Fork-awareness through a computed <c>triggered_from_fork</c> output — the output is typed (<c>Output&lt;bool&gt;</c>);
///   the job condition on it through the escape hatch (typed gap: <c>OnlyWhen(Contexts.Output(TriggeredFromFork) == "false")</c>
///   writes the same <c>if:</c>, but a local run and the engine in the CI job read an <c>Output&lt;bool&gt;</c> as a boolean,
///   so <c>false == 'false'</c> is false and the target would be skipped: bug reported).</item>
/// <item>Third-party actions with SSH keys and multiline secret material — covered (typed): <c>With("key", secret parameter)</c>.</item>
/// </list>
/// </summary>
public sealed class KubeappsSpecs
{
    public static readonly Output<string> UndeclaredVersion = new("An output no target produces");

    private static readonly string[] UnitTests = ["test-go", "test-dashboard", "test-pinniped-proxy", "test-oci-catalog", "test-chart-render"];

    private static readonly string[] Builds = ["build-docker-images", "build-dashboard-image", "build-e2e-runner-image"];

    private static WorkflowModel Plan() => Workflows.Plan<Kube.KubeappsGeneral>(Kube.Declarations.Pipeline());

    private static YamlMappingNode Yaml() => RenderedYaml.Parse(Plan());

    [Fact]
    public void The_general_workflow_has_the_21_jobs_of_the_source()
    {
        Assert.Equal(
            [
                "setup", "linters", "linters-result", .. UnitTests, .. Builds, "push-dev-images", "local-e2e-tests", "local-e2e-tests-result",
                "push-images", "sync-chart-from-bitnami", "gke-setup", "gke-regular-version", "gke-stable-version", "sync-chart-to-bitnami", "release",
            ],
            Plan().Jobs.Select(j => j.Id));
    }

    [Fact]
    public void Needs_are_the_sources_reduced_to_what_is_not_implied_plus_the_jobs_whose_outputs_are_read()
    {
        var workflow = Plan();

        Assert.Empty(workflow["setup"].Needs);
        Assert.All([.. UnitTests, .. Builds, "linters", "sync-chart-from-bitnami"], id => Assert.Equal(["setup"], workflow[id].Needs));
        Assert.Equal(["linters"], workflow["linters-result"].Needs);
        Assert.Equal(["setup", .. Builds], workflow["push-dev-images"].Needs);
        Assert.Equal(["setup", .. UnitTests, .. Builds], workflow["local-e2e-tests"].Needs);
        Assert.Equal(["local-e2e-tests"], workflow["local-e2e-tests-result"].Needs);
        Assert.Equal(["setup", "local-e2e-tests"], workflow["push-images"].Needs);
        Assert.Equal(["setup", .. UnitTests, .. Builds, "sync-chart-from-bitnami"], workflow["gke-setup"].Needs);
        Assert.Equal(["gke-setup"], workflow["gke-regular-version"].Needs);
        Assert.Equal(["gke-setup"], workflow["gke-stable-version"].Needs);
        Assert.Equal(["setup", "local-e2e-tests", "gke-regular-version", "gke-stable-version"], workflow["sync-chart-to-bitnami"].Needs);

        // The source also lists setup, local_e2e_tests and both GKE jobs: sync-chart-to-bitnami already waits for them.
        Assert.Equal(["setup", "sync-chart-to-bitnami"], workflow["release"].Needs);
    }

    [Fact]
    public void Conditions_follow_the_inputs_the_outputs_and_the_status_of_what_came_before()
    {
        var yaml = Yaml();
        var workflow = Plan();

        Assert.Equal("always()", workflow["local-e2e-tests-result"].If);
        Assert.Equal("${{ inputs.run_linters }}", yaml.At("jobs", "linters", "if").Text());
        Assert.Equal("${{ inputs.run_linters && always() }}", yaml.At("jobs", "linters-result", "if").Text());
        Assert.Equal("${{ needs.setup.outputs.triggered-from-fork == 'false' }}", yaml.At("jobs", "push-dev-images", "if").Text());
        Assert.Equal("${{ needs.setup.outputs.running-on-main == 'true' || inputs.trigger_release }}", yaml.At("jobs", "push-images", "if").Text());
        Assert.Equal("${{ needs.setup.outputs.running-on-main == 'true' || inputs.trigger_release }}", yaml.At("jobs", "sync-chart-from-bitnami", "if").Text());
        Assert.Equal("${{ inputs.run_gke_tests }}", yaml.At("jobs", "gke-setup", "if").Text());
        Assert.Equal("${{ inputs.trigger_release }}", yaml.At("jobs", "sync-chart-to-bitnami", "if").Text());
        Assert.Equal("${{ inputs.trigger_release }}", yaml.At("jobs", "release", "if").Text());

        // No if: the GKE calls are skipped when gke_setup is; the unit tests and builds always run.
        Assert.All(["setup", .. UnitTests, .. Builds, "gke-regular-version", "gke-stable-version"], id => Assert.False(yaml.Has("jobs", id, "if"), id));
    }

    [Fact]
    public void The_settings_job_publishes_every_setting_including_the_two_the_source_forgot_to_declare()
    {
        var workflow = Plan();

        Assert.Equal(
            [
                "golang-version", "img-modifier", "img-prefix", "img-dev-tag", "img-prod-tag", "postgresql-version", "rust-version",
                "running-on-main", "triggered-from-fork", "ssh-key-kubeapps-deploy-filename", "ssh-key-forked-charts-deploy-filename",
                "version", "golangci-lint-version",
            ],
            workflow["setup"].Outputs.Select(o => o.Key));
        Assert.All(workflow["setup"].Outputs, o => Assert.Equal($"${{{{ steps.build.outputs.{o.Key} }}}}", o.Value));
        Assert.Contains(new KeyValuePair<string, string>("PIPELINE_OUTPUT_GOLANGCI_LINT_VERSION", "${{ needs.setup.outputs.golangci-lint-version }}"), workflow["linters"].BuildStep.Env);
        Assert.Contains(new KeyValuePair<string, string>("PIPELINE_OUTPUT_VERSION", "${{ needs.setup.outputs.version }}"), workflow["build-docker-images"].BuildStep.Env);
        Assert.Contains(new KeyValuePair<string, string>("PIPELINE_OUTPUT_IMG_PREFIX", "${{ needs.setup.outputs.img-prefix }}"), workflow["local-e2e-tests"].BuildStep.Env);
        Assert.Contains(new KeyValuePair<string, string>("PIPELINE_OUTPUT_IMG_PROD_TAG", "${{ needs.setup.outputs.img-prod-tag }}"), workflow["push-images"].BuildStep.Env);

        Assert.Equal(15, workflow["gke-setup"].Outputs.Count);
        foreach (var gke in new[] { "gke-regular-version", "gke-stable-version" })
        {
            var received = workflow[gke].BuildStep.Env.Where(e => e.Key.StartsWith("PIPELINE_OUTPUT_", StringComparison.Ordinal)).ToList();
            Assert.Equal(15, received.Count);
            Assert.All(received, e => Assert.StartsWith("${{ needs.gke-setup.outputs.", e.Value, StringComparison.Ordinal));
        }
    }

    [Fact]
    public void Reading_an_output_that_no_target_produces_fails_generation_instead_of_reading_an_empty_string()
    {
        var error = Assert.ThrowsAny<PipelineException>(() => Workflows.Plan<Kube.KubeappsGeneral>(
            Kube.Declarations.Pipeline().Add<ReadsAnUndeclaredOutput>()));

        Assert.Contains(nameof(UndeclaredVersion), error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void The_go_tests_get_a_health_checked_postgresql_and_the_rust_tests_run_in_a_rust_container()
    {
        var workflow = Plan();
        var yaml = Yaml();

        var postgresql = Assert.Single(workflow["test-go"].Services);
        Assert.Equal("postgresql", postgresql.Name);
        Assert.Equal("bitnami/postgresql:17.0.0-debian-12-r3", postgresql.Image);
        Assert.Equal("yes", postgresql.Environment["ALLOW_EMPTY_PASSWORD"]);
        Assert.Equal([5432], postgresql.Ports);
        Assert.Equal(["5432:5432"], yaml.At("jobs", "test-go", "services", "postgresql", "ports").Items());
        Assert.Equal(
            "--health-cmd \"pg_isready -U postgres\" --health-interval 10s --health-timeout 5s --health-retries 5",
            yaml.At("jobs", "test-go", "services", "postgresql", "options").Text());
        Assert.All(workflow.Jobs.Where(j => j.Id != "test-go"), j => Assert.Empty(j.Services));

        Assert.Equal("rust:${{ needs.setup.outputs.rust-version }}", yaml.At("jobs", "test-pinniped-proxy", "container").Text());
        Assert.Equal("rust:${{ needs.setup.outputs.rust-version }}", yaml.At("jobs", "test-oci-catalog", "container").Text());
        Assert.Contains("apt-get install -y protobuf-compiler", yaml.Step("test-oci-catalog", "Install protoc dependency").At("run").Text(), StringComparison.Ordinal);
        Assert.Equal("--max-old-space-size=1024", yaml.At("jobs", "test-dashboard", "env", "NODE_OPTIONS").Text());
    }

    [Fact]
    public void Images_are_built_into_tarballs_per_cell_and_handed_on_as_artifacts()
    {
        var workflow = Plan();
        var yaml = Yaml();

        var images = workflow["build-docker-images"].Matrix!;
        Assert.Equal(["apprepository-controller", "asset-syncer", "kubeapps-apis", "pinniped-proxy", "oci-catalog"], Assert.Single(images.Axes).Values);
        Assert.False(images.FailFast);
        Assert.Equal("Build ${{ matrix.image }} image", workflow["build-docker-images"].Name);
        Assert.Equal("Build dashboard image", workflow["build-dashboard-image"].Name);
        Assert.Equal("Build E2E runner image", workflow["build-e2e-runner-image"].Name);

        var build = yaml.Step("build-docker-images", "Build image");
        Assert.Equal("docker/build-push-action@10e90e3645eae34f1e60eeb005ba3a3d33f178e8", build.At("uses").Text());
        Assert.Equal("v6.19.2", workflow["build-docker-images"].Steps.Single(s => s.Name == "Build image").UsesComment);
        Assert.Equal("type=gha", build.At("with", "cache-from").Text());
        Assert.Equal("type=gha,mode=max", build.At("with", "cache-to").Text());
        Assert.Equal("type=docker,dest=${{ steps.setup.outputs.img_file }}", build.At("with", "outputs").Text());
        Assert.Equal("cmd/${{ matrix.image }}/Dockerfile", build.At("with", "file").Text());
        Assert.Equal("${{ env.IMG_PLATFORMS }}", build.At("with", "platforms").Text());
        Assert.Equal("false", build.At("env", "DOCKER_BUILD_RECORD_UPLOAD").Text());
        var meta = StepWithId(yaml, "build-docker-images", "meta");
        Assert.Equal("latest=true", meta.At("with", "flavor").Text());
        Assert.Equal("${{ matrix.image }}-image", yaml.Step("build-docker-images", "Upload image").At("with", "name").Text());

        // The E2E runner image: no QEMU, amd64 only, no cache.
        Assert.DoesNotContain("docker/setup-qemu-action", yaml.StepNames("build-e2e-runner-image"));
        Assert.Contains("docker/setup-qemu-action", yaml.StepNames("build-dashboard-image"));
        var runner = yaml.Step("build-e2e-runner-image", "Build image");
        Assert.Equal("linux/amd64", runner.At("with", "platforms").Text());
        Assert.False(runner.Has("with", "cache-from"));
        Assert.Equal("integration", runner.At("with", "context").Text());
        Assert.Equal("integration-tests-image", yaml.Step("build-e2e-runner-image", "Upload integration-tests-image").At("with", "name").Text());
        Assert.Equal("dashboard-image", yaml.Step("build-dashboard-image", "Upload dashboard-image").At("with", "name").Text());

        // Pushes and the E2E suites download every artifact, the E2E suites into /tmp/images.
        Assert.Equal(".", yaml.Step("push-dev-images", "Download all artifacts").At("with", "path").Text());
        Assert.False(yaml.Step("push-dev-images", "Download all artifacts").Has("with", "name"));
        Assert.Equal("/tmp/images", yaml.Step("local-e2e-tests", "Download all artifacts").At("with", "path").Text());
        Assert.Equal(".", yaml.Step("push-images", "Download all artifacts").At("with", "path").Text());
    }

    [Fact]
    public void The_E2E_suites_run_eight_groups_on_kind_and_report_on_failure()
    {
        var workflow = Plan();
        var yaml = Yaml();

        var matrix = workflow["local-e2e-tests"].Matrix!;
        Assert.Equal("tests_group", Assert.Single(matrix.Axes).Name);
        Assert.Equal(
            ["carvel", "flux", "main-group-1", "main-group-2", "main-group-3", "multicluster", "multicluster-nokubeapps", "operators"],
            matrix.Axes[0].Values);
        Assert.False(matrix.FailFast);
        Assert.Equal(["ubuntu-latest"], workflow["local-e2e-tests"].RunsOn);
        Assert.Equal(
            ["DEFAULT_DEX_IP", "TESTS_GROUP", "TEST_OPERATORS", "TEST_UPGRADE", "TEST_TIMEOUT_MINUTES", "USE_MULTICLUSTER_OIDC_ENV"],
            yaml.At("jobs", "local-e2e-tests", "env").Keys());
        Assert.Equal("${{ matrix.tests_group }}", yaml.At("jobs", "local-e2e-tests", "env", "TESTS_GROUP").Text());
        Assert.Contains("create-kind-cluster.sh", yaml.Step("local-e2e-tests", "Spin up Kind cluster").At("run").Text(), StringComparison.Ordinal);
        Assert.Contains("create-additional-kind-cluster.sh", yaml.Step("local-e2e-tests", "Install additional cluster").At("run").Text(), StringComparison.Ordinal);
        Assert.Contains("kind load image-archive", yaml.Step("local-e2e-tests", "Load CI images in the cluster").At("run").Text(), StringComparison.Ordinal);
        Assert.Contains("$GITHUB_ENV", yaml.Step("local-e2e-tests", "Export cluster variables").At("run").Text(), StringComparison.Ordinal);

        var logs = yaml.Step("local-e2e-tests", "Print k8s KubeappsAPIs logs if the tests fail");
        Assert.Equal("failure() && env.TEST_RESULT == 1", logs.At("if").Text());
        Assert.Equal("true", logs.At("continue-on-error").Text());
        var reports = yaml.Step("local-e2e-tests", "Upload Artifacts");
        Assert.Equal("failure()", reports.At("if").Text());
        Assert.Equal("e2e_tests_${{ matrix.tests_group }}_reports", reports.At("with", "name").Text());
        Assert.Equal("integration/reports", reports.At("with", "path").Text());
        var names = yaml.StepNames("local-e2e-tests").ToList();
        Assert.True(names.IndexOf("Run LocalE2eTests") < names.IndexOf("Print k8s KubeappsAPIs logs if the tests fail"));

        var check = yaml.Step("local-e2e-tests-result", "Check local_e2e_tests matrix status");
        Assert.Equal("needs.local-e2e-tests.result != 'success'", check.At("if").Text());
        Assert.Equal("needs.linters.result != 'success'", yaml.Step("linters-result", "Check all linters result").At("if").Text());
    }

    [Fact]
    public void Secrets_reach_only_the_jobs_whose_steps_or_targets_use_them()
    {
        var workflow = Plan();
        var yaml = Yaml();

        Assert.Equal(["DOCKER_PASSWORD", "DOCKER_USERNAME"], workflow["push-dev-images"].Secrets);
        Assert.Equal(["DOCKER_PASSWORD", "DOCKER_USERNAME"], workflow["push-images"].Secrets);
        Assert.Equal(["GITHUB_TOKEN", "GPG_KEY_PRIVATE", "GPG_KEY_PUBLIC", "SSH_KEY_FORKED_CHARTS_DEPLOY"], workflow["sync-chart-from-bitnami"].Secrets);
        Assert.Equal(["GPG_KEY_PRIVATE", "GPG_KEY_PUBLIC", "KUBEAPPS_BOT_GITHUB_TOKEN", "SSH_KEY_FORKED_CHARTS_DEPLOY"], workflow["sync-chart-to-bitnami"].Secrets);
        Assert.Contains(new KeyValuePair<string, string>("GITHUB_TOKEN", "${{ secrets.KUBEAPPS_BOT_GITHUB_TOKEN }}"), workflow["sync-chart-to-bitnami"].BuildStep.Env);
        Assert.Equal(["GCLOUD_KEY", "GKE_ADMIN"], workflow["gke-regular-version"].Secrets);
        Assert.Equal(["GCLOUD_KEY", "GKE_ADMIN"], workflow["gke-stable-version"].Secrets);
        Assert.Equal(["GITHUB_TOKEN"], workflow["release"].Secrets);
        Assert.All(["setup", .. UnitTests, .. Builds, "local-e2e-tests", "gke-setup"], id => Assert.Empty(workflow[id].Secrets));

        var key = yaml.Step("sync-chart-from-bitnami", "Install SSH key: Forked Charts Deploy Key");
        Assert.Equal("shimataro/ssh-key-action@d4fffb50872869abe2d9a9098a6d9c5aa7d16be4", key.At("uses").Text());
        Assert.Equal("${{ secrets.SSH_KEY_FORKED_CHARTS_DEPLOY }}", key.At("with", "key").Text());
        Assert.Equal("${{ needs.setup.outputs.ssh-key-forked-charts-deploy-filename }}", key.At("with", "name").Text());
        Assert.Equal("ignore", key.At("with", "if_key_exists").Text());
        Assert.StartsWith("|1|", key.At("with", "known_hosts").Text(), StringComparison.Ordinal);
    }

    [Fact]
    public void The_workflow_is_called_with_three_boolean_inputs_and_sets_the_pinned_versions()
    {
        var workflow = Plan();
        var yaml = Yaml();

        Assert.Equal(["workflow_call"], yaml.At("on").Keys());
        Assert.Equal(["run_gke_tests", "run_linters", "trigger_release"], yaml.At("on", "workflow_call", "inputs").Keys());
        Assert.Equal("true", yaml.At("on", "workflow_call", "inputs", "run_linters", "default").Text());
        Assert.Equal("boolean", yaml.At("on", "workflow_call", "inputs", "trigger_release", "type").Text());
        Assert.Equal(["contents: read"], workflow.Permissions.Select(p => p.ToString()));
        Assert.Contains(new KeyValuePair<string, string>("GOLANG_VERSION", "1.23.2"), workflow.Env);
        Assert.Contains(new KeyValuePair<string, string>("POSTGRESQL_VERSION", "17.0.0-debian-12-r3"), workflow.Env);
        Assert.Contains(new KeyValuePair<string, string>("IMG_MODIFIER", "-ci"), workflow.Env);
        Assert.Contains(workflow.Env, e => e.Key == "K8S_KIND_VERSION" && e.Value.Contains("@sha256:", StringComparison.Ordinal));
        Assert.Contains(new KeyValuePair<string, string>("IMG_DEV_TAG", "build-${{ github.sha }}"), workflow.Env);
        Assert.False(yaml.Has("jobs", "setup", "env"));
    }

    [Fact]
    public void Three_callers_differ_in_triggers_and_concurrency_group()
    {
        var main = Workflows.Plan<Kube.KubeappsMain>(Kube.Declarations.Pipeline());
        Assert.Equal("Main Pipeline", main.Name);
        Assert.Equal(["main"], main.On.Push!.Branches);
        Assert.Equal(["*"], main.On.Push.TagsIgnore);
        Assert.Equal(["main"], main.On.PullRequest!.Branches);
        Assert.Equal("${{ github.head_ref || github.ref_name }}", RenderedYaml.Parse(main).At("concurrency", "group").Text());
        Assert.Equal("true", RenderedYaml.Parse(main).At("concurrency", "cancel-in-progress").Text());

        var full = Workflows.Plan<Kube.KubeappsFullIntegration>(Kube.Declarations.Pipeline());
        Assert.Equal(["0 4 * * 1,3,6"], full.On.Schedules);
        Assert.Empty(full.On.Dispatch!.Inputs);
        Assert.Null(full.On.Push);
        Assert.Equal("${{ github.head_ref || github.ref_name }}_full", RenderedYaml.Parse(full).At("concurrency", "group").Text());

        var release = Workflows.Plan<Kube.KubeappsRelease>(Kube.Declarations.Pipeline());
        Assert.Equal(["v[0-9]+.[0-9]+.[0-9]+"], release.On.Push!.Tags);
        Assert.Null(release.On.PullRequest);
        Assert.Equal("${{ github.head_ref || github.ref_name }}_release", RenderedYaml.Parse(release).At("concurrency", "group").Text());

        Assert.All([main, full, release], w => Assert.Equal(["ci"], w.Jobs.Select(j => j.Id)));
    }

    public static TheoryData<string> WorkflowFiles() => [.. AllFiles().Select(f => f.RelativePath)];

    [Theory]
    [MemberData(nameof(WorkflowFiles))]
    public async Task Every_workflow_passes_actionlint_and_GitHubs_parser(string path)
    {
        var file = AllFiles().Single(f => f.RelativePath == path);

        await WorkflowLint.AssertCleanAsync(file.Content, Path.GetFileName(path));
    }

    /// <summary>The step of a job with this id.</summary>
    private static YamlNode StepWithId(YamlNode workflow, string job, string id) =>
        ((YamlSequenceNode)workflow.At("jobs", job, "steps")).Children.Single(s => s.Has("id") && s.At("id").Text() == id);

    private static IEnumerable<GeneratedFile> AllFiles() =>
    [
        Workflows.Render<Kube.KubeappsGeneral>(Kube.Declarations.Pipeline()),
        Workflows.Render<Kube.KubeappsMain>(Kube.Declarations.Pipeline()),
        Workflows.Render<Kube.KubeappsFullIntegration>(Kube.Declarations.Pipeline()),
        Workflows.Render<Kube.KubeappsRelease>(Kube.Declarations.Pipeline()),
    ];

    /// <summary>What the source's docker builds do: read <c>needs.setup.outputs.version</c>, which no job declares.</summary>
    public sealed class ReadsAnUndeclaredOutput : SeedTarget
    {
        protected override void Configure(TargetSpec target) => target.DependsOn<Kube.Setup>().Consumes(UndeclaredVersion);
    }
}
