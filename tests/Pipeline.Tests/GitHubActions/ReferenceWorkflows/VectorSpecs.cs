using Pipeline.Generation;
using Pipeline.GitHubActions;
using Pipeline.Tests.GitHubActions.Support;
using V = Pipeline.Tests.GitHubActions.ReferenceWorkflows.Vector;

namespace Pipeline.Tests.GitHubActions.ReferenceWorkflows;

/// <summary>
/// 06 — Vector's workflow_run deploy chain, merge queue and runtime-computed E2E matrix
/// (shared/reference-workflows/06-…), reproduced in <see cref="V.CallBuildPreview"/>, <see cref="V.DeployVectorPreviewSites"/>,
/// <see cref="V.MasterMergeQueueTestSuite"/> and <see cref="V.K8sE2eSuite"/>. What a typed C# pipeline must express:
/// <list type="bullet">
/// <item><c>workflow_run</c> trigger: workflows by display name plus types, gating on the conclusion, using its id and
///   head branch, a typed reference to the producer — covered (typed): <c>OnWorkflowRun&lt;CallBuildPreview&gt;(types:)</c>
///   writes the producer's name (renaming it renames the trigger); the id and head branch typed
///   (<c>Contexts.GitHub.Event["workflow_run"]["id"]</c>), the conclusion typed on the comment job
///   (<c>OnlyWhen(Functions.Always() &amp; … ["conclusion"] == "success")</c>); on read-requested-apps through the escape hatch
///   (typed gap: a typed condition there makes the generator give the deploy jobs after it <c>!cancelled() &amp;&amp; !failure()</c>,
///   which collides with their raw output conditions).</item>
/// <item>Cross-run artifact hand-off: the producer's <c>retention-days</c>; the consumer downloads the triggering run's
///   artifact — producer covered (typed: <c>Artifact with { RetentionDays = 1 }</c>); the download is a typed action step
///   (<c>actions/download-artifact</c> with <c>run-id</c> and the token as a secret parameter). Typed gap: a helper for
///   "artifact X of the triggering run".</item>
/// <item><c>merge_group</c> with types; an entry job only in the merge queue; a same-named check that auto-passes on PRs
///   through skip propagation plus an <c>always()</c> aggregator — trigger and aggregator covered (typed:
///   <c>OnMergeGroup("checks_requested")</c>, <c>Condition.Always</c>, display name); the entry job's condition through the
///   escape hatch (typed gap: <c>OnlyWhen(Contexts.GitHub.EventName == "merge_group")</c> writes it, but makes the generator
///   give every job after it <c>!cancelled() &amp;&amp; !failure()</c>, which collides with their raw output conditions).</item>
/// <item>Reusable-workflow definitions with inputs, secrets and outputs — out of scope (issue 14).</item>
/// <item>Reusable calls with <c>secrets: inherit</c> and explicit renamed secrets, per-call permissions, <c>if</c> on another
///   call's outputs — the calls are out of scope (issue 14); their stand-in jobs carry the per-call permissions (typed), the
///   renamed secret (typed: <c>Secret(Endpoint, "BUILDER_ENDPOINT")</c>) and the conditions on outputs (typed gap: they read
///   <c>Output&lt;bool&gt;</c>s, which a local run and the engine in the CI job read as booleans, so <c>== 'true'</c> is false
///   for <c>true</c>: bug reported).</item>
/// <item>Consuming call outputs and results downstream, with <c>||</c> fallbacks — outputs covered (typed: each deploy's
///   <c>Output&lt;string&gt;</c> reaches the comment job; the fallback is the target's code); results typed
///   (<c>Env("VECTOR_RESULT", Contexts.Needs&lt;DeployVectorPreviewSite&gt;().Result)</c>).</item>
/// <item>The caller's <c>github</c> context inside a callee — out of scope (issue 14).</item>
/// <item>Job-level concurrency with cancel-in-progress — covered (typed <c>JobSpec.Concurrency</c> with
///   <c>"preview-comment-" + … ["head_branch"].AsString()</c>); the workflow's group too
///   (<c>Contexts.GitHub.Workflow + "-" + … .OrElse(Contexts.GitHub.Ref).OrElse(…)</c>).</item>
/// <item>Output names with <c>-</c> and <c>_</c>; 63 outputs with strongly named accessors — strongly named typed outputs
///   covered (<c>Output&lt;bool&gt;</c> fields, 10 of the 63); typed gap: output ids are kebab-case, so <c>unit_mac-yml</c> is
///   <c>unit-mac-yml</c>.</item>
/// <item>A workflow env of <c>||</c>/<c>&amp;&amp;</c> fallback chains — out of scope with changes.yml (issue 14); <c>||</c>
///   chains are typed (<c>OrElse</c>, <c>WorkflowSpec.Env(name, Expression)</c>), a <c>cond &amp;&amp; 'a' || 'b'</c> value is not
///   (typed gap: no conditional value).</item>
/// <item><c>paths-filter</c> inline and from a generated file; outputs combined by expression — out of scope (issue 14: they
///   are changes.yml's steps); here <see cref="V.Changes"/> computes the outputs.</item>
/// <item>Runtime-computed matrix from a JSON object with scalar and object axes; names from nested fields — covered (typed):
///   <c>MatrixAxis.FromOutput</c> over a list of <see cref="V.K8sCell"/> records (the producer computes the combinations),
///   <c>fromJSON(needs.…)</c>, fail-fast, the empty-list gate, the nested fields in the display name and step env
///   (<c>Contexts.Matrix(Cell.Name)["kubernetesVersion"]["version"]</c>); typed gaps: several axes from one output object,
///   and <c>Contexts.Matrix</c> has no overload for an output-computed axis (<c>MatrixAxis&lt;T&gt;</c>), so it reads the axis by name.</item>
/// <item>Status functions <c>always()</c>, <c>!failure() &amp;&amp; !cancelled()</c>, <c>!success()</c>, <c>needs.&lt;job&gt;.result</c> —
///   <c>always()</c>, <c>!success()</c> (<c>If(!Functions.Success())</c>) and <c>always() &amp;&amp; needs.&lt;job&gt;.result ==
///   'success'</c> (<c>Contexts.Needs&lt;T&gt;().Succeeded</c>) typed; <c>!failure() &amp;&amp; !cancelled()</c> with the output
///   conditions through the escape hatch (typed gap: <c>Output&lt;bool&gt;</c> read as a boolean locally, bug reported);
///   <c>contains(needs.*.result, 'failure')</c> through the escape hatch (typed gap: no typed <c>needs.*</c>).</item>
/// <item>One workflow on <c>workflow_call</c>, <c>workflow_dispatch</c>, <c>pull_request</c>, <c>merge_group</c>, <c>schedule</c>
///   with one input under two triggers — covered (typed) but <c>workflow_call</c> (issue 14; declared with <c>RawTrigger</c>).</item>
/// <item>Several checkouts in one job (another repository into a sub-path) — covered (typed action step).</item>
/// <item>Local composite actions with inputs next to third-party actions — covered (typed: <c>Uses("./.github/actions/setup")</c>,
///   <c>actions/github-script</c>); nick-fields/retry's timeout and attempts are the target's typed <c>Timeout</c>/<c>Retry</c>.</item>
/// <item>Timeouts on every job; label conditions over <c>labels.*.name</c> — covered (typed): timeouts, and
///   <c>OnlyWhen(Contexts.GitHub.Event["pull_request"]["labels"].Each("name").Contains("preview: website") | …)</c>.</item>
/// <item><c>actions/cache</c> with a <c>hashFiles()</c> key, restore-keys and a multi-line path (cross.yml) — out of scope
///   (issue 14: a callee's step); the generator writes such caches for toolchains itself.</item>
/// </list>
/// </summary>
public sealed class VectorSpecs
{
    private static readonly string[] Suites =
    [
        "test-cli", "test-vector-api", "make-test-behavior", "make-check-examples", "make-test-docs",
        "check-msrv", "cross-linux", "unit-mac", "unit-windows", "install-sh",
    ];

    private static readonly string[] Deploys = ["deploy-vector-preview-site", "deploy-rust-doc-preview-site", "deploy-vrl-playground-preview-site"];

    private static WorkflowModel Plan<T>() where T : Workflow, new() => Workflows.Plan<T>(V.Declarations.Pipeline());

    [Fact]
    public void The_unprivileged_workflow_runs_on_labelled_pull_requests_and_keeps_its_artifact_one_day()
    {
        var workflow = Plan<V.CallBuildPreview>();
        var yaml = RenderedYaml.Parse(workflow);

        Assert.Equal("Call Build Preview", workflow.Name);
        Assert.Equal(["opened", "reopened", "synchronize", "labeled", "unlabeled"], workflow.On.PullRequest!.Types);
        Assert.Equal(["contents: read"], workflow.Permissions.Select(p => p.ToString()));
        var job = Assert.Single(workflow.Jobs);
        Assert.Equal("approval-check", job.Id);
        Assert.Equal(["ubuntu-24.04"], job.RunsOn);
        Assert.Equal(5, job.TimeoutMinutes);
        Assert.Equal(["actions: write", "contents: read"], job.Permissions!.Select(p => p.ToString()));
        Assert.Equal(
            "contains(github.event.pull_request.labels.*.name, 'preview: website') || " +
            "contains(github.event.pull_request.labels.*.name, 'preview: playground') || " +
            "contains(github.event.pull_request.labels.*.name, 'preview: rust-doc')",
            yaml.At("jobs", "approval-check", "if").Text());

        Assert.Equal("actions/github-script@3a2844b7e9c422d3c10d287c895573f7108da1b3", yaml.Step("approval-check", "Save pull request details").At("uses").Text());
        Assert.Equal("v9.0.0", workflow["approval-check"].Steps.Single(s => s.Name == "Save pull request details").UsesComment);
        var upload = yaml.Step("approval-check", "Upload pr");
        Assert.Equal("pr", upload.At("with", "name").Text());
        Assert.Equal("pr/", upload.At("with", "path").Text());
        Assert.Equal("1", upload.At("with", "retention-days").Text());
    }

    [Fact]
    public void The_privileged_workflow_follows_the_unprivileged_one_by_its_typed_name()
    {
        var workflow = Plan<V.DeployVectorPreviewSites>();
        var producer = Plan<V.CallBuildPreview>();

        var trigger = workflow.On.Others.WorkflowRun!;
        Assert.Equal([producer.Name], trigger.Workflows);
        Assert.Equal(["completed"], trigger.Types);
        Assert.Null(workflow.On.PullRequest);
        Assert.Null(workflow.On.Push);
        Assert.Equal(["contents: read"], workflow.Permissions.Select(p => p.ToString()));
        Assert.Null(workflow.Concurrency);
    }

    [Fact]
    public void The_deploy_chain_reads_the_requested_apps_deploys_each_when_asked_and_always_comments()
    {
        var workflow = Plan<V.DeployVectorPreviewSites>();
        var yaml = RenderedYaml.Parse(workflow);

        Assert.Equal(["read-requested-apps", .. Deploys, "comment-preview-links"], workflow.Jobs.Select(j => j.Id));
        Assert.Equal("${{ github.event.workflow_run.conclusion == 'success' }}", yaml.At("jobs", "read-requested-apps", "if").Text());
        Assert.Equal(["actions: read", "contents: read"], workflow["read-requested-apps"].Permissions!.Select(p => p.ToString()));
        Assert.Equal(5, workflow["read-requested-apps"].TimeoutMinutes);
        Assert.Equal(["website", "playground", "rust-doc"], workflow["read-requested-apps"].Outputs.Select(o => o.Key));

        var download = yaml.Step("read-requested-apps", "Download the pull request details");
        Assert.Equal("pr", download.At("with", "name").Text());
        Assert.Equal("${{ github.event.workflow_run.id }}", download.At("with", "run-id").Text());
        Assert.Equal("${{ secrets.GITHUB_TOKEN }}", download.At("with", "github-token").Text());

        foreach (var (deploy, app) in Deploys.Zip(["website", "rust-doc", "playground"]))
        {
            Assert.Equal(["read-requested-apps"], workflow[deploy].Needs);
            Assert.Equal($"${{{{ needs.read-requested-apps.outputs.{app} == 'true' }}}}", yaml.At("jobs", deploy, "if").Text());
            Assert.Equal(["actions: read", "contents: read", "statuses: write"], workflow[deploy].Permissions!.Select(p => p.ToString()));
            Assert.Equal(["BUILDER_ENDPOINT", "REQUEST_MESSAGE", "REQUEST_TOKEN"], workflow[deploy].Secrets);
            Assert.Contains(new KeyValuePair<string, string>("ENDPOINT", "${{ secrets.BUILDER_ENDPOINT }}"), workflow[deploy].BuildStep.Env);
            Assert.Equal(2, workflow[deploy].Outputs.Count);
        }

        var comment = workflow["comment-preview-links"];
        Assert.Equal(Deploys, comment.Needs);
        Assert.Equal("always() && github.event.workflow_run.conclusion == 'success'", comment.If);
        Assert.Equal(["issues: write", "pull-requests: write"], comment.Permissions!.Select(p => p.ToString()));
        Assert.Equal(["ubuntu-24.04"], comment.RunsOn);
        Assert.Equal(5, comment.TimeoutMinutes);
        Assert.Equal(new JobConcurrency("preview-comment-${{ github.event.workflow_run.head_branch }}", true), comment.Settings.Concurrency);
        Assert.Contains(new KeyValuePair<string, string>("VECTOR_RESULT", "${{ needs.deploy-vector-preview-site.result }}"), comment.Settings.Env);
        Assert.Contains(new KeyValuePair<string, string>("PLAYGROUND_RESULT", "${{ needs.deploy-vrl-playground-preview-site.result }}"), comment.Settings.Env);
        Assert.Contains(new KeyValuePair<string, string>("WORKFLOW_RUN_ID", "${{ github.event.workflow_run.id }}"), comment.Settings.Env);
        Assert.Contains(new KeyValuePair<string, string>("PIPELINE_OUTPUT_VECTOR_PR_NUMBER", "${{ needs.deploy-vector-preview-site.outputs.vector-pr-number }}"), comment.BuildStep.Env);
        Assert.Contains(new KeyValuePair<string, string>("PIPELINE_OUTPUT_PLAYGROUND_BRANCH", "${{ needs.deploy-vrl-playground-preview-site.outputs.playground-branch }}"), comment.BuildStep.Env);
        Assert.Equal(6, comment.BuildStep.Env.Count(e => e.Key.StartsWith("PIPELINE_OUTPUT_", StringComparison.Ordinal)));
        Assert.Equal(["GITHUB_TOKEN"], comment.Secrets);
    }

    [Fact]
    public void The_merge_queue_runs_changes_only_in_the_queue_and_gates_ten_suites_on_its_outputs()
    {
        var workflow = Plan<V.MasterMergeQueueTestSuite>();
        var yaml = RenderedYaml.Parse(workflow);

        Assert.Equal("Master Merge Queue Test Suite", workflow.Name);
        Assert.NotNull(workflow.On.PullRequest);
        Assert.Empty(workflow.On.PullRequest.Types);
        Assert.Equal(["checks_requested"], workflow.On.Others.MergeGroup!.Types);
        Assert.Equal(["contents: read", "id-token: write"], workflow.Permissions.Select(p => p.ToString()));
        Assert.Equal(new ConcurrencyModel("${{ github.workflow }}-${{ github.ref }}", "true"), workflow.Concurrency);
        Assert.Equal(
            ["CONTAINER_TOOL", "DD_ENV", "RUST_BACKTRACE", "VECTOR_LOG", "VERBOSE", "CI", "PROFILE"],
            workflow.Env.Select(e => e.Key));

        Assert.Equal(["changes", .. Suites, "master-merge-queue-check"], workflow.Jobs.Select(j => j.Id));
        Assert.Equal("${{ github.event_name == 'merge_group' }}", yaml.At("jobs", "changes", "if").Text());
        Assert.Contains("test-make-command-yml", workflow["changes"].Outputs.Select(o => o.Key));
        Assert.Contains("unit-mac-yml", workflow["changes"].Outputs.Select(o => o.Key));
        Assert.All(Suites, id => Assert.Equal(["changes"], workflow[id].Needs));
        Assert.Equal("${{ needs.changes.outputs.source == 'true' || needs.changes.outputs.test-make-command-yml == 'true' }}", yaml.At("jobs", "test-cli", "if").Text());
        Assert.Equal("${{ needs.changes.outputs.source == 'true' || needs.changes.outputs.msrv-yml == 'true' }}", yaml.At("jobs", "check-msrv", "if").Text());
        Assert.Equal("${{ needs.changes.outputs.dependencies == 'true' || needs.changes.outputs.cross-yml == 'true' }}", yaml.At("jobs", "cross-linux", "if").Text());
        Assert.Equal("${{ needs.changes.outputs.source == 'true' || needs.changes.outputs.unit-mac-yml == 'true' }}", yaml.At("jobs", "unit-mac", "if").Text());
        Assert.Equal("${{ needs.changes.outputs.install == 'true' }}", yaml.At("jobs", "install-sh", "if").Text());
    }

    [Fact]
    public void One_always_running_check_needs_all_eleven_jobs_and_fails_on_any_failure_or_cancellation()
    {
        var workflow = Plan<V.MasterMergeQueueTestSuite>();
        var yaml = RenderedYaml.Parse(workflow);

        var check = workflow["master-merge-queue-check"];
        Assert.Equal("Master Merge Queue Suite", check.Name);
        Assert.Equal(["changes", .. Suites], check.Needs);
        Assert.Equal("always()", check.If);
        Assert.Equal(["statuses: write"], check.Permissions!.Select(p => p.ToString()));
        Assert.Equal(["ubuntu-24.04"], check.RunsOn);
        Assert.Equal(5, check.TimeoutMinutes);
        Assert.Equal(
            "${{ contains(needs.*.result, 'failure') || contains(needs.*.result, 'cancelled') }}",
            yaml.Step("master-merge-queue-check", "Check all jobs").At("env", "FAILED").Text());
    }

    [Fact]
    public void The_E2E_suite_runs_on_five_triggers_with_one_input_under_two()
    {
        var workflow = Plan<V.K8sE2eSuite>();
        var yaml = RenderedYaml.Parse(workflow);

        Assert.Equal("K8S E2E Suite", workflow.Name);
        Assert.Equal(["pull_request", "merge_group", "schedule", "workflow_dispatch", "workflow_call"], yaml.At("on").Keys());
        Assert.Equal(["0 1 * * 1"], workflow.On.Schedules);
        Assert.Equal(["checks_requested"], workflow.On.Others.MergeGroup!.Types);
        Assert.Equal("ref", Assert.Single(workflow.On.Dispatch!.Inputs).Id);
        Assert.Equal("string", yaml.At("on", "workflow_call", "inputs", "ref", "type").Text());
        Assert.Equal(["contents: read"], workflow.Permissions.Select(p => p.ToString()));
        Assert.Equal(
            "${{ github.workflow }}-${{ github.event.comment.html_url || github.ref || github.event.schedule }}",
            yaml.At("concurrency", "group").Text());
        Assert.Equal("true", yaml.At("concurrency", "cancel-in-progress").Text());
    }

    [Fact]
    public void The_E2E_matrix_comes_from_the_computed_plan_and_the_jobs_run_when_changes_was_skipped()
    {
        var workflow = Plan<V.K8sE2eSuite>();
        var yaml = RenderedYaml.Parse(workflow);

        Assert.Equal(["changes", "build-x8664-unknown-linux-gnu", "compute-k8s-test-plan", "test-e2e-kubernetes", "final-result"], workflow.Jobs.Select(j => j.Id));
        const string UnlessSkipped = "${{ !failure() && !cancelled() && github.event_name != 'pull_request' && " +
            "needs.changes.outputs.website-only != 'true' && needs.changes.outputs.k8s != 'false' }}";
        Assert.Equal(UnlessSkipped, yaml.At("jobs", "build-x8664-unknown-linux-gnu", "if").Text());
        Assert.Equal(UnlessSkipped, yaml.At("jobs", "compute-k8s-test-plan", "if").Text());
        Assert.Equal(["changes"], workflow["compute-k8s-test-plan"].Needs);
        Assert.Equal(5, workflow["compute-k8s-test-plan"].TimeoutMinutes);
        Assert.Equal(["k8s-test-plan"], workflow["compute-k8s-test-plan"].Outputs.Select(o => o.Key));

        var e2e = workflow["test-e2e-kubernetes"];
        Assert.Equal(["build-x8664-unknown-linux-gnu", "compute-k8s-test-plan"], e2e.Needs);
        Assert.Equal("${{ fromJSON(needs.compute-k8s-test-plan.outputs.k8s-test-plan) }}", e2e.MatrixFrom);
        Assert.Equal(
            "(always() && needs.build-x8664-unknown-linux-gnu.result == 'success' && needs.compute-k8s-test-plan.result == 'success') && " +
            "needs.compute-k8s-test-plan.outputs.k8s-test-plan != '[]'",
            e2e.If);
        Assert.False(e2e.Matrix!.FailFast);
        Assert.Equal(60, e2e.TimeoutMinutes);
        Assert.Equal("K8s ${{ matrix.cell.kubernetesVersion.version }} / ${{ matrix.cell.containerRuntime }} (${{ matrix.cell.kubernetesVersion.role }})", e2e.Name);
        Assert.Contains(new KeyValuePair<string, string>("PIPELINE_MATRIX_CELL", "${{ toJSON(matrix.cell) }}"), e2e.BuildStep.Env);

        Assert.Equal("always()", workflow["final-result"].If);
        Assert.Equal(["test-e2e-kubernetes"], workflow["final-result"].Needs);
        Assert.Equal("${{ contains(needs.*.result, 'failure') || contains(needs.*.result, 'cancelled') }}", yaml.At("jobs", "final-result", "env", "FAILED").Text());
    }

    [Fact]
    public void Each_E2E_cell_checks_out_twice_uses_the_local_setup_action_and_dumps_diagnostics_unless_it_succeeded()
    {
        var yaml = RenderedYaml.Parse(Plan<V.K8sE2eSuite>());

        Assert.Equal("${{ inputs.ref }}", yaml.Step("test-e2e-kubernetes", "Check out").At("with", "ref").Text());
        var setup = yaml.Step("test-e2e-kubernetes", "./.github/actions/setup");
        Assert.Equal("./.github/actions/setup", setup.At("uses").Text());
        Assert.Equal("true", setup.At("with", "vdev").Text());
        Assert.Equal("false", setup.At("with", "mold").Text());
        var charts = yaml.Step("test-e2e-kubernetes", "Check out the Helm charts");
        Assert.Equal("vectordotdev/helm-charts", charts.At("with", "repository").Text());
        Assert.Equal("develop", charts.At("with", "ref").Text());
        Assert.Equal("helm-charts", charts.At("with", "path").Text());
        Assert.Equal("e2e-test-deb-package", yaml.Step("test-e2e-kubernetes", "Download e2e-test-deb-package").At("with", "name").Text());
        Assert.Equal("e2e-test-deb-package", yaml.Step("build-x8664-unknown-linux-gnu", "Upload e2e-test-deb-package").At("with", "name").Text());
        Assert.Equal("${{ matrix.cell.kubernetesVersion.version }}", yaml.Step("test-e2e-kubernetes", "Set up Minikube").At("env", "KUBERNETES_VERSION").Text());
        Assert.Equal("${{ matrix.cell.containerRuntime }}", yaml.Step("test-e2e-kubernetes", "Set up Minikube").At("env", "CONTAINER_RUNTIME").Text());
        Assert.Equal("!success()", yaml.Step("test-e2e-kubernetes", "Dump diagnostics").At("if").Text());

        var names = yaml.StepNames("test-e2e-kubernetes").ToList();
        Assert.True(names.IndexOf("Check out the Helm charts") < names.IndexOf("Run TestE2eKubernetes"));
        Assert.True(names.IndexOf("Run TestE2eKubernetes") < names.IndexOf("Dump diagnostics"));
    }

    public static TheoryData<string> WorkflowFiles() => [.. AllFiles().Select(f => f.RelativePath)];

    [Theory]
    [MemberData(nameof(WorkflowFiles))]
    public async Task Every_workflow_passes_actionlint_and_GitHubs_parser(string path)
    {
        var file = AllFiles().Single(f => f.RelativePath == path);

        await WorkflowLint.AssertCleanAsync(file.Content, Path.GetFileName(path));
    }

    private static IEnumerable<GeneratedFile> AllFiles() =>
    [
        Workflows.Render<V.CallBuildPreview>(V.Declarations.Pipeline()),
        Workflows.Render<V.DeployVectorPreviewSites>(V.Declarations.Pipeline()),
        Workflows.Render<V.MasterMergeQueueTestSuite>(V.Declarations.Pipeline()),
        Workflows.Render<V.K8sE2eSuite>(V.Declarations.Pipeline()),
    ];
}
