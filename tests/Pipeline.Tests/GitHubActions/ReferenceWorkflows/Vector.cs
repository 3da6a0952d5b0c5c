using Pipeline.GitHubActions;
using Pipeline.Tests.GitHubActions.Support;

// 06-vector-reusable-workflow-run-merge-queue.md: vectordotdev/vector's workflow_run deploy chain
// (an unprivileged pull-request workflow hands a "pr" artifact to a privileged workflow that deploys
// the requested preview sites and comments the links), its merge-queue orchestrator (a "changes" job
// gates ten suites; one always-running check passes on pull requests), and the Kubernetes E2E suite
// whose matrix a job computes at run time. Defining and calling reusable workflows is issue 14: the
// calls are stand-in jobs with the calls' needs, conditions, permissions, secrets and outputs.
namespace Pipeline.Tests.GitHubActions.ReferenceWorkflows.Vector;

public static class Declarations
{
    /// <summary>What the pull request asks to preview, its number and branch, with an integrity hash: kept one day.</summary>
    public static readonly Artifact PullRequestInfo = Artifact.Of("pr", "pr/") with { RetentionDays = 1 };

    public static readonly Output<bool> Website = new("Whether the website preview was requested");

    public static readonly Output<bool> Playground = new("Whether the VRL playground preview was requested");

    public static readonly Output<bool> RustDoc = new("Whether the Rust doc preview was requested");

    // Each deploy call's outputs (pr_number, sanitized_branch_name), one pair per call.
    public static readonly Output<string> VectorPrNumber = new("Pull request of the vector.dev preview");

    public static readonly Output<string> VectorBranch = new("Sanitised branch of the vector.dev preview");

    public static readonly Output<string> RustDocPrNumber = new("Pull request of the Rust doc preview");

    public static readonly Output<string> RustDocBranch = new("Sanitised branch of the Rust doc preview");

    public static readonly Output<string> PlaygroundPrNumber = new("Pull request of the VRL playground preview");

    public static readonly Output<string> PlaygroundBranch = new("Sanitised branch of the VRL playground preview");

    public static readonly Parameter<string> GithubToken = Parameter.Secret("The run's token");

    public static readonly Parameter<string> RequestToken = Parameter.Secret("Token of the preview builder");

    public static readonly Parameter<string> RequestMessage = Parameter.Secret("Signed message of the preview builder");

    /// <summary>The builder's endpoint, from the repository secret BUILDER_ENDPOINT.</summary>
    public static readonly Parameter<string> Endpoint = Parameter.Secret("Endpoint of the preview builder");

    // changes.yml's outputs that the merge queue and the E2E suite read (the callee has 63).
    public static readonly Output<bool> Source = new("Source files changed");

    public static readonly Output<bool> Dependencies = new("Dependencies changed");

    public static readonly Output<bool> Install = new("The install script changed");

    public static readonly Output<bool> TestMakeCommandYml = new("test-make-command.yml changed");

    public static readonly Output<bool> MsrvYml = new("msrv.yml changed");

    public static readonly Output<bool> CrossYml = new("cross.yml changed");

    public static readonly Output<bool> UnitMacYml = new("unit_mac.yml changed");

    public static readonly Output<bool> UnitWindowsYml = new("unit_windows.yml changed");

    public static readonly Output<bool> WebsiteOnly = new("Only the website changed");

    public static readonly Output<bool> K8s = new("Kubernetes files changed");

    /// <summary>The git ref to test (dispatch and call input <c>ref</c>); empty: the event's.</summary>
    public static readonly Parameter<string> Ref = Parameter.Create<string>("Git ref to check out");

    /// <summary>The E2E cells, computed at run time: every combination of Minikube, Kubernetes (with its role) and runtime.</summary>
    public static readonly Output<IReadOnlyList<K8sCell>> K8sTestPlan = new("The Kubernetes E2E cells");

    public static readonly MatrixAxis<K8sCell> Cell = MatrixAxis.FromOutput(K8sTestPlan, "cell");

    public static readonly Artifact DebPackage = Artifact.Of("e2e-test-deb-package", "target/artifacts/*.deb");

    public static PipelineBuilder Pipeline() => new PipelineBuilder()
        .Add<ApprovalCheck>().Add<ReadRequestedApps>()
        .Add<DeployVectorPreviewSite>().Add<DeployRustDocPreviewSite>().Add<DeployVrlPlaygroundPreviewSite>().Add<CommentPreviewLinks>()
        .Add<Changes>().Add<TestCli>().Add<TestVectorApi>().Add<MakeTestBehavior>().Add<MakeCheckExamples>().Add<MakeTestDocs>()
        .Add<CheckMsrv>().Add<CrossLinux>().Add<UnitMac>().Add<UnitWindows>().Add<InstallSh>().Add<MasterMergeQueueCheck>()
        .Add<BuildX8664UnknownLinuxGnu>().Add<ComputeK8sTestPlan>().Add<TestE2eKubernetes>().Add<FinalResult>()
        .Parameters(Ref);
}

/// <summary>One Kubernetes version and the role it plays (essential versions run on every event, the rest on schedule).</summary>
public sealed record KubernetesVersion(string Version, string Role);

/// <summary>One E2E cell: serialised as <c>{"minikubeVersion", "kubernetesVersion": {"version", "role"}, "containerRuntime"}</c>.</summary>
public sealed record K8sCell(string MinikubeVersion, KubernetesVersion KubernetesVersion, string ContainerRuntime);

// Part A — the workflow_run deploy chain.

/// <summary>Writes what the pull request asks to preview into <c>pr/</c>, for the privileged workflow.</summary>
public sealed class ApprovalCheck : SeedTarget
{
    protected override void Configure(TargetSpec target) => target.Produces(Declarations.PullRequestInfo);
}

/// <summary>Reads the triggering run's <c>pr</c> artifact and says which previews to deploy.</summary>
public sealed class ReadRequestedApps : SeedTarget
{
    protected override void Configure(TargetSpec target) => target
        .Produces(Declarations.Website).Produces(Declarations.Playground).Produces(Declarations.RustDoc);
}

/// <summary>Stands where a call of create_preview_sites.yml goes (issue 14): its secrets, and the outputs the comment reads.</summary>
public abstract class PreviewDeploy : SeedTarget
{
    protected abstract Output<string> PrNumber { get; }

    protected abstract Output<string> Branch { get; }

    protected override void Configure(TargetSpec target) => target
        .DependsOn<ReadRequestedApps>()
        .Requires(Declarations.RequestToken).Requires(Declarations.RequestMessage).Requires(Declarations.Endpoint)
        .Produces(PrNumber).Produces(Branch);
}

public sealed class DeployVectorPreviewSite : PreviewDeploy
{
    protected override Output<string> PrNumber => Declarations.VectorPrNumber;

    protected override Output<string> Branch => Declarations.VectorBranch;
}

public sealed class DeployRustDocPreviewSite : PreviewDeploy
{
    protected override Output<string> PrNumber => Declarations.RustDocPrNumber;

    protected override Output<string> Branch => Declarations.RustDocBranch;
}

public sealed class DeployVrlPlaygroundPreviewSite : PreviewDeploy
{
    protected override Output<string> PrNumber => Declarations.PlaygroundPrNumber;

    protected override Output<string> Branch => Declarations.PlaygroundBranch;
}

/// <summary>Keeps one sticky comment with the preview links; the pull request is the first number a deploy reported.</summary>
public sealed class CommentPreviewLinks : SeedTarget
{
    protected override void Configure(TargetSpec target) => target
        .DependsOn<DeployVectorPreviewSite>().DependsOn<DeployRustDocPreviewSite>().DependsOn<DeployVrlPlaygroundPreviewSite>()
        .Consumes(Declarations.VectorPrNumber).Consumes(Declarations.VectorBranch)
        .Consumes(Declarations.RustDocPrNumber).Consumes(Declarations.RustDocBranch)
        .Consumes(Declarations.PlaygroundPrNumber).Consumes(Declarations.PlaygroundBranch)
        .Requires(Declarations.GithubToken);
}

// Part B — the merge queue.

/// <summary>Stands where the call of changes.yml goes (issue 14): what changed, as typed outputs.</summary>
public sealed class Changes : SeedTarget
{
    protected override void Configure(TargetSpec target) => target
        .Produces(Declarations.Source).Produces(Declarations.Dependencies).Produces(Declarations.Install)
        .Produces(Declarations.TestMakeCommandYml).Produces(Declarations.MsrvYml).Produces(Declarations.CrossYml)
        .Produces(Declarations.UnitMacYml).Produces(Declarations.UnitWindowsYml).Produces(Declarations.WebsiteOnly).Produces(Declarations.K8s);
}

/// <summary>A suite the changes gate: each stands where a reusable-workflow call goes (issue 14).</summary>
public abstract class GatedSuite : SeedTarget
{
    protected override void Configure(TargetSpec target) => target.DependsOn<Changes>();
}

public sealed class TestCli : GatedSuite;

public sealed class TestVectorApi : GatedSuite;

public sealed class MakeTestBehavior : GatedSuite;

public sealed class MakeCheckExamples : GatedSuite;

public sealed class MakeTestDocs : GatedSuite;

public sealed class CheckMsrv : GatedSuite;

public sealed class CrossLinux : GatedSuite;

public sealed class UnitMac : GatedSuite;

public sealed class UnitWindows : GatedSuite;

public sealed class InstallSh : GatedSuite;

/// <summary>The one required check: passes when nothing before it failed or was canceled (on pull requests, everything was skipped).</summary>
public sealed class MasterMergeQueueCheck : SeedTarget
{
    protected override void Configure(TargetSpec target) => target
        .DependsOn<TestCli>().DependsOn<TestVectorApi>().DependsOn<MakeTestBehavior>().DependsOn<MakeCheckExamples>().DependsOn<MakeTestDocs>()
        .DependsOn<CheckMsrv>().DependsOn<CrossLinux>().DependsOn<UnitMac>().DependsOn<UnitWindows>().DependsOn<InstallSh>()
        // typed gap: an aggregator over every job before it. needs are transitively reduced and needs.*.result sees direct
        // needs only, so reading an output of changes keeps changes among them: its failure must fail the check.
        .Consumes(Declarations.Source)
        .OnlyWhen(Condition.Always);
}

// Part C — the Kubernetes E2E suite.

/// <summary>Builds the .deb package the E2E cells install.</summary>
public sealed class BuildX8664UnknownLinuxGnu : SeedTarget
{
    protected override void Configure(TargetSpec target) => target.DependsOn<Changes>().Produces(Declarations.DebPackage);
}

/// <summary>The E2E cells: essential Kubernetes versions unless the run is scheduled.</summary>
public sealed class ComputeK8sTestPlan : SeedTarget
{
    protected override void Configure(TargetSpec target) => target.DependsOn<Changes>().Produces(Declarations.K8sTestPlan);
}

/// <summary><c>make test-e2e-kubernetes</c> in one cell: 45 minutes, three attempts (the source's nick-fields/retry).</summary>
public sealed class TestE2eKubernetes : SeedTarget
{
    protected override void Configure(TargetSpec target) => target
        .DependsOn<BuildX8664UnknownLinuxGnu>().DependsOn<ComputeK8sTestPlan>()
        .Consumes(Declarations.DebPackage)
        .Matrix(Declarations.Cell, failFast: false)
        .Timeout(TimeSpan.FromMinutes(45)).Retry(3)
        .OnlyWhen(Condition.Always); // typed gap: expression (always() && needs.<build>.result == 'success' && needs.<compute>.result == 'success')
}

public sealed class FinalResult : SeedTarget
{
    protected override void Configure(TargetSpec target) => target.DependsOn<TestE2eKubernetes>().OnlyWhen(Condition.Always);
}

/// <summary>preview_site_trigger.yml: runs unprivileged on pull requests and says what to preview.</summary>
public sealed class CallBuildPreview : Workflow
{
    protected override void Configure(WorkflowSpec workflow) => workflow
        .Name("Call Build Preview").FileName("preview_site_trigger")
        .OnPullRequest(types: ["opened", "reopened", "synchronize", "labeled", "unlabeled"])
        .Permissions(Permission.Contents.Read)
        .Job<ApprovalCheck>(j => j
            .RunsOn("ubuntu-24.04").Timeout(TimeSpan.FromMinutes(5))
            .Permissions(Permission.Contents.Read, Permission.Actions.Write)
            .Raw("if", // typed gap: expression (label conditions over github.event.pull_request.labels.*.name)
                "${{ contains(github.event.pull_request.labels.*.name, 'preview: website') || " +
                "contains(github.event.pull_request.labels.*.name, 'preview: playground') || " +
                "contains(github.event.pull_request.labels.*.name, 'preview: rust-doc') }}")
            .BeforeBuild(s => s
                .Name("Save pull request details").Uses("actions/github-script@v9.0.0")
                .With("script", "const fs = require('fs');\nfs.mkdirSync('./pr', { recursive: true });\nfs.writeFileSync('./pr/number', String(context.issue.number));")));
}

/// <summary>build_preview_sites.yml: privileged, after Call Build Preview completes.</summary>
public sealed class DeployVectorPreviewSites : Workflow
{
    protected override void Configure(WorkflowSpec workflow) => workflow
        .Name("Deploy Vector Preview Sites").FileName("build_preview_sites")
        .OnWorkflowRun<CallBuildPreview>(types: ["completed"])
        .Permissions(Permission.Contents.Read)
        .Secret(Declarations.Endpoint, "BUILDER_ENDPOINT")
        .Secret(Declarations.GithubToken, "GITHUB_TOKEN")
        .Job<ReadRequestedApps>(j => j
            .RunsOn("ubuntu-24.04").Timeout(TimeSpan.FromMinutes(5))
            .Permissions(Permission.Contents.Read, Permission.Actions.Read)
            .Raw("if", "${{ github.event.workflow_run.conclusion == 'success' }}") // typed gap: expression (the triggering run's conclusion)
            .BeforeBuild(s => s
                .Name("Download the pull request details").Uses("actions/download-artifact@v4") // typed gap: an artifact of the triggering run
                .With("name", "pr").With("path", "pr")
                .With("run-id", "${{ github.event.workflow_run.id }}")
                .With("github-token", Declarations.GithubToken)))
        .Job<DeployVectorPreviewSite>(j => Deploy(j, "website"))
        .Job<DeployRustDocPreviewSite>(j => Deploy(j, "rust-doc"))
        .Job<DeployVrlPlaygroundPreviewSite>(j => Deploy(j, "playground"))
        .Job<CommentPreviewLinks>(j => j
            .RunsOn("ubuntu-24.04").Timeout(TimeSpan.FromMinutes(5))
            .Permissions(Permission.Issues.Write, Permission.PullRequests.Write)
            .Raw("if", "${{ always() && github.event.workflow_run.conclusion == 'success' }}") // typed gap: expression (a status function with the run's conclusion)
            .Concurrency("preview-comment-${{ github.event.workflow_run.head_branch }}", cancelInProgress: true) // typed gap: expression
            .Env("VECTOR_RESULT", "${{ needs.deploy-vector-preview-site.result }}") // typed gap: expression (a job's result)
            .Env("RUST_DOC_RESULT", "${{ needs.deploy-rust-doc-preview-site.result }}") // typed gap: expression (a job's result)
            .Env("PLAYGROUND_RESULT", "${{ needs.deploy-vrl-playground-preview-site.result }}") // typed gap: expression (a job's result)
            .Env("WORKFLOW_RUN_ID", "${{ github.event.workflow_run.id }}")); // typed gap: expression

    /// <summary>A deploy call's job: only when its app was requested, allowed to set commit statuses.</summary>
    private static void Deploy(JobSpec job, string app) => job
        .Permissions(Permission.Contents.Read, Permission.Actions.Read, Permission.Statuses.Write)
        .Raw("if", $"${{{{ needs.read-requested-apps.outputs.{app} == 'true' }}}}"); // typed gap: expression (a condition on an output)
}

/// <summary>master_merge_queue.yml: the same required check on pull requests (it passes) and in the merge queue.</summary>
public sealed class MasterMergeQueueTestSuite : Workflow
{
    protected override void Configure(WorkflowSpec workflow)
    {
        workflow
            .Name("Master Merge Queue Test Suite").FileName("master_merge_queue")
            .OnPullRequest()
            .OnMergeGroup("checks_requested")
            .Permissions(Permission.Contents.Read, Permission.IdToken.Write)
            .Concurrency(CancelInProgress.Always);
        SuiteEnv(workflow)
            .Job<Changes>(OnlyInTheMergeQueue)
            .Job<TestCli>(j => Gated(j, "source", "test-make-command-yml"))
            .Job<TestVectorApi>(j => Gated(j, "source", "test-make-command-yml"))
            .Job<MakeTestBehavior>(j => Gated(j, "source", "test-make-command-yml"))
            .Job<MakeCheckExamples>(j => Gated(j, "source", "test-make-command-yml"))
            .Job<MakeTestDocs>(j => Gated(j, "source", "test-make-command-yml"))
            .Job<CheckMsrv>(j => Gated(j, "source", "msrv-yml"))
            .Job<CrossLinux>(j => Gated(j, "dependencies", "cross-yml"))
            .Job<UnitMac>(j => Gated(j, "source", "unit-mac-yml"))
            .Job<UnitWindows>(j => Gated(j, "source", "unit-windows-yml"))
            .Job<InstallSh>(j => j.Raw("if", "${{ needs.changes.outputs.install == 'true' }}")) // typed gap: expression (a condition on an output)
            .Job<MasterMergeQueueCheck>(j => j
                .Name("Master Merge Queue Suite").RunsOn("ubuntu-24.04").Timeout(TimeSpan.FromMinutes(5))
                .Permissions(Permission.Statuses.Write)
                .BeforeBuild(s => s
                    .Name("Check all jobs")
                    .Env("FAILED", "${{ contains(needs.*.result, 'failure') || contains(needs.*.result, 'cancelled') }}") // typed gap: expression (needs.*.result)
                    .Run("if [ \"$FAILED\" = true ]; then echo 'A job failed or was canceled'; exit 1; fi")));
    }

    /// <summary>The workflow env of the merge-queue workflows.</summary>
    internal static WorkflowSpec SuiteEnv(WorkflowSpec workflow) => workflow
        .Env("CONTAINER_TOOL", "docker").Env("DD_ENV", "ci").Env("RUST_BACKTRACE", "full").Env("VECTOR_LOG", "vector=debug")
        .Env("VERBOSE", "true").Env("CI", "true").Env("PROFILE", "debug");

    /// <summary>changes runs in the merge queue only: on a pull request everything after it is skipped.</summary>
    internal static void OnlyInTheMergeQueue(JobSpec job) =>
        job.Raw("if", "${{ github.event_name == 'merge_group' }}"); // typed gap: a condition on the merge_group event (RunEvent has no MergeGroup)

    private static void Gated(JobSpec job, string change, string workflowFile) =>
        job.Raw("if", $"${{{{ needs.changes.outputs.{change} == 'true' || needs.changes.outputs.{workflowFile} == 'true' }}}}"); // typed gap: expression (a condition on outputs)
}

/// <summary>k8s_e2e.yml: by hand, called, on pull requests, in the merge queue and weekly.</summary>
public sealed class K8sE2eSuite : Workflow
{
    private const string RunsUnlessSkipped =
        "${{ !failure() && !cancelled() && github.event_name != 'pull_request' && " +
        "needs.changes.outputs.website-only != 'true' && needs.changes.outputs.k8s != 'false' }}";

    protected override void Configure(WorkflowSpec workflow) => MasterMergeQueueTestSuite.SuiteEnv(workflow
            .Name("K8S E2E Suite").FileName("k8s_e2e")
            .WorkflowDispatchInput(Declarations.Ref, id: "ref")
            // out of scope (issue 14): workflow_call, with the same input as workflow_dispatch.
            .RawTrigger("workflow_call", "inputs", new Dictionary<string, object?> { ["ref"] = new Dictionary<string, object?> { ["type"] = "string", ["required"] = false } })
            .OnPullRequest()
            .OnMergeGroup("checks_requested")
            .OnSchedule("0 1 * * 1")
            .Permissions(Permission.Contents.Read)
            .Raw("concurrency", new Dictionary<string, object?> // typed gap: expression (a workflow concurrency group)
            {
                ["group"] = "${{ github.workflow }}-${{ github.event.comment.html_url || github.ref || github.event.schedule }}",
                ["cancel-in-progress"] = true,
            }))
        .Job<Changes>(MasterMergeQueueTestSuite.OnlyInTheMergeQueue)
        .Job<BuildX8664UnknownLinuxGnu>(j => j.Raw("if", RunsUnlessSkipped)) // typed gap: expression (status functions, the event, outputs)
        .Job<ComputeK8sTestPlan>(j => j
            .Timeout(TimeSpan.FromMinutes(5))
            .Raw("if", RunsUnlessSkipped) // typed gap: expression (status functions, the event, outputs)
            .AfterBuild(s => s.Name("Show the plan").Env("PLAN", "${{ steps.build.outputs.k8s-test-plan }}").Run("echo \"$PLAN\""))) // typed gap: expression
        .Job<TestE2eKubernetes>(j => j
            .Name("K8s ${{ matrix.cell.kubernetesVersion.version }} / ${{ matrix.cell.containerRuntime }} (${{ matrix.cell.kubernetesVersion.role }})") // typed gap: expression (nested cell fields)
            .Timeout(TimeSpan.FromMinutes(60))
            .Checkout(@ref: "${{ inputs.ref }}") // typed gap: expression
            .BeforeBuild(s => s.Uses("./.github/actions/setup").With("vdev", true).With("mold", false))
            .BeforeBuild(s => s
                .Name("Set up Minikube")
                .Env("KUBERNETES_VERSION", "${{ matrix.cell.kubernetesVersion.version }}") // typed gap: expression (a cell field)
                .Env("CONTAINER_RUNTIME", "${{ matrix.cell.containerRuntime }}") // typed gap: expression (a cell field)
                .Run("scripts/ci-setup-minikube.sh"))
            .BeforeBuild(s => s
                .Name("Check out the Helm charts").Uses("actions/checkout@v4")
                .With("repository", "vectordotdev/helm-charts").With("ref", "develop").With("path", "helm-charts"))
            .AfterBuild(s => s
                .Name("Dump diagnostics").If("${{ !success() }}") // typed gap: expression (a step's if: from a Condition)
                .Run("kubectl get all --all-namespaces")))
        .Job<FinalResult>(j => j
            .Env("FAILED", "${{ contains(needs.*.result, 'failure') || contains(needs.*.result, 'cancelled') }}") // typed gap: expression (needs.*.result)
            .BeforeBuild(s => s.Name("Check all jobs").Run("if [ \"$FAILED\" = true ]; then exit 1; fi")));
}
