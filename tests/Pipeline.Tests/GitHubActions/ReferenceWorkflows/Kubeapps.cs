using Pipeline.GitHubActions;
using Pipeline.Tests.GitHubActions.Support;

// 05-kubeapps-kind-e2e-services.md: vmware-tanzu/kubeapps' kubeapps-general.yaml (21 jobs) and its
// three thin callers. A settings job hands typed outputs to unit tests (Go with a health-checked
// PostgreSQL service, the dashboard on Node, two Rust crates in a rust container, a chart render),
// to image builds that pass tarballs as artifacts, to kind E2E suites as an 8-leg matrix with an
// always-running result job, to pushes, chart syncs and a release gated by the workflow's boolean
// inputs, and to a GKE fan-out. Calling a reusable workflow is issue 14: the calls (linters, the two
// GKE suites, and the callers' one job) are stand-in jobs with the calls' needs, ifs and inputs.
namespace Pipeline.Tests.GitHubActions.ReferenceWorkflows.Kubeapps;

public static class Declarations
{
    // The settings job's outputs. Version and GolangciLintVersion are the two the source's step writes but its job never
    // declares, so its readers get "": declared here, a reader of an output no target produces is a definition error.
    public static readonly Output<string> GolangVersion = new("Go version of the linters");

    public static readonly Output<string> ImgModifier = new("Suffix of the CI images' names");

    public static readonly Output<string> ImgPrefix = new("Registry namespace of the images");

    public static readonly Output<string> ImgDevTag = new("Tag of the CI images");

    public static readonly Output<string> ImgProdTag = new("Tag of the released images");

    public static readonly Output<string> PostgresqlVersion = new("Tag of the bitnami/postgresql image");

    public static readonly Output<string> RustVersion = new("Tag of the rust image");

    public static readonly Output<bool> RunningOnMain = new("Whether the run is for main");

    public static readonly Output<bool> TriggeredFromFork = new("Whether a pull request from a fork started the run (no secrets)");

    public static readonly Output<string> SshKeyKubeappsDeployFilename = new("File of the Kubeapps deploy key");

    public static readonly Output<string> SshKeyForkedChartsDeployFilename = new("File of the forked charts' deploy key");

    public static readonly Output<string> Version = new("The version: the tag, or the commit");

    public static readonly Output<string> GolangciLintVersion = new("golangci-lint version of the linters");

    // gke_setup re-exports these for the GKE calls (env cannot be read in a call's with:).
    public static readonly Output<string> ChartmuseumVersion = new("ChartMuseum version");

    public static readonly Output<bool> DebugMode = new("Verbose scripts and SSH debugging");

    public static readonly Output<string> GkeStableVersion = new("GKE version of the stable channel");

    public static readonly Output<string> GkeRegularVersion = new("GKE version of the regular channel");

    public static readonly Output<string> GkeCluster = new("GKE cluster name");

    public static readonly Output<string> GkeProject = new("GKE project");

    public static readonly Output<string> GkeZone = new("GKE zone");

    public static readonly Output<string> HelmVersionMin = new("Oldest Helm version tested");

    public static readonly Output<string> HelmVersionStable = new("Stable Helm version");

    public static readonly Output<string> GkeImgDevTag = new("Tag of the CI images, for GKE");

    public static readonly Output<string> GkeImgModifier = new("Suffix of the CI images' names, for GKE");

    public static readonly Output<string> GkeImgPrefix = new("Registry namespace of the images, for GKE");

    public static readonly Output<string> KappControllerVersion = new("kapp-controller version");

    public static readonly Output<string> KubectlVersion = new("kubectl version");

    public static readonly Output<string> OlmVersion = new("OLM version");

    public static readonly IReadOnlyList<IOutput> GkeSettings =
    [
        ChartmuseumVersion, DebugMode, GkeStableVersion, GkeRegularVersion, GkeCluster, GkeProject, GkeZone, HelmVersionMin,
        HelmVersionStable, GkeImgDevTag, GkeImgModifier, GkeImgPrefix, KappControllerVersion, KubectlVersion, OlmVersion,
    ];

    public static readonly Parameter<string> DockerUsername = Parameter.Secret("Docker Hub user");

    public static readonly Parameter<string> DockerPassword = Parameter.Secret("Docker Hub password");

    public static readonly Parameter<string> GpgKeyPublic = Parameter.Secret("Public GPG key of the CI bot");

    public static readonly Parameter<string> GpgKeyPrivate = Parameter.Secret("Private GPG key of the CI bot");

    public static readonly Parameter<string> SshKeyForkedChartsDeploy = Parameter.Secret("Deploy key of the forked charts repository");

    /// <summary>The run's token, as <c>GH_TOKEN</c>.</summary>
    public static readonly Parameter<string> GhToken = Parameter.Secret("GitHub token for gh");

    /// <summary>The bot's personal access token, as <c>GITHUB_TOKEN</c> (repository secret KUBEAPPS_BOT_GITHUB_TOKEN).</summary>
    public static readonly Parameter<string> GithubToken = Parameter.Secret("Personal access token of the CI bot");

    public static readonly Parameter<string> GkeAdmin = Parameter.Secret("GKE admin account");

    public static readonly Parameter<string> GcloudKey = Parameter.Secret("Google Cloud service account key");

    public static readonly ServiceContainer Postgresql = new ServiceContainer("postgresql", "bitnami/postgresql:17.0.0-debian-12-r3")
        .WithEnvironment("ALLOW_EMPTY_PASSWORD", "yes")
        .WithPorts(5432)
        .WithHealthCheck("pg_isready -U postgres", TimeSpan.FromSeconds(10), TimeSpan.FromSeconds(5), 5);

    public static readonly MatrixAxis Image = MatrixAxis.Of("image", "apprepository-controller", "asset-syncer", "kubeapps-apis", "pinniped-proxy", "oci-catalog");

    public static readonly MatrixAxis TestsGroup = MatrixAxis.Of(
        "tests_group", "carvel", "flux", "main-group-1", "main-group-2", "main-group-3", "multicluster", "multicluster-nokubeapps", "operators");

    // typed gap: an artifact path outside the repository (the source saves the tarballs under /tmp).
    public static readonly Artifact DashboardImage = Artifact.Of("dashboard-image", "artifacts/images/dashboard-image.tar");

    public static readonly Artifact E2eRunnerImage = Artifact.Of("integration-tests-image", "artifacts/images/integration-tests-image.tar");

    public static PipelineBuilder Pipeline() => new PipelineBuilder()
        .Add<Setup>().Add<Linters>().Add<LintersResult>()
        .Add<TestGo>().Add<TestDashboard>().Add<TestPinnipedProxy>().Add<TestOciCatalog>().Add<TestChartRender>()
        .Add<BuildDockerImages>().Add<BuildDashboardImage>().Add<BuildE2eRunnerImage>().Add<PushDevImages>()
        .Add<LocalE2eTests>().Add<LocalE2eTestsResult>().Add<PushImages>()
        .Add<SyncChartFromBitnami>().Add<GkeSetup>().Add<GkeRegularVersion>().Add<GkeStableVersion>()
        .Add<SyncChartToBitnami>().Add<Release>().Add<Ci>();
}

/// <summary>The source's <c>set-outputs</c> step: every setting the other jobs read, typed.</summary>
public sealed class Setup : SeedTarget
{
    protected override void Configure(TargetSpec target) => target
        .Produces(Declarations.GolangVersion).Produces(Declarations.ImgModifier).Produces(Declarations.ImgPrefix)
        .Produces(Declarations.ImgDevTag).Produces(Declarations.ImgProdTag).Produces(Declarations.PostgresqlVersion)
        .Produces(Declarations.RustVersion).Produces(Declarations.RunningOnMain).Produces(Declarations.TriggeredFromFork)
        .Produces(Declarations.SshKeyKubeappsDeployFilename).Produces(Declarations.SshKeyForkedChartsDeployFilename)
        .Produces(Declarations.Version).Produces(Declarations.GolangciLintVersion);
}

/// <summary>Stands where the call of linters.yml goes (issue 14), with the inputs it reads.</summary>
public sealed class Linters : SeedTarget
{
    protected override void Configure(TargetSpec target) => target
        .DependsOn<Setup>().Consumes(Declarations.GolangVersion).Consumes(Declarations.GolangciLintVersion);
}

/// <summary>One status check for the linters call.</summary>
public sealed class LintersResult : SeedTarget
{
    protected override void Configure(TargetSpec target) => target.DependsOn<Linters>();
}

public sealed class TestGo : SeedTarget
{
    protected override void Configure(TargetSpec target) => target.DependsOn<Setup>().Toolchain(Toolchain.Go).Service(Declarations.Postgresql);
}

public sealed class TestDashboard : SeedTarget
{
    protected override void Configure(TargetSpec target) => target.DependsOn<Setup>().Toolchain(Toolchain.Node);
}

public sealed class TestPinnipedProxy : SeedTarget
{
    protected override void Configure(TargetSpec target) => target.DependsOn<Setup>();
}

public sealed class TestOciCatalog : SeedTarget
{
    protected override void Configure(TargetSpec target) => target.DependsOn<Setup>();
}

public sealed class TestChartRender : SeedTarget
{
    protected override void Configure(TargetSpec target) => target.DependsOn<Setup>().Toolchain(Toolchain.Go);
}

/// <summary>One image per cell, saved as a tarball, never pushed.</summary>
public sealed class BuildDockerImages : SeedTarget
{
    protected override void Configure(TargetSpec target) => target
        .DependsOn<Setup>().Consumes(Declarations.Version).Matrix(m => m.Axis(Declarations.Image).FailFast(false));
}

public sealed class BuildDashboardImage : SeedTarget
{
    protected override void Configure(TargetSpec target) => target.DependsOn<Setup>().Consumes(Declarations.Version).Produces(Declarations.DashboardImage);
}

public sealed class BuildE2eRunnerImage : SeedTarget
{
    protected override void Configure(TargetSpec target) => target.DependsOn<Setup>().Consumes(Declarations.Version).Produces(Declarations.E2eRunnerImage);
}

/// <summary>Loads every image tarball and pushes it under the dev tag.</summary>
public sealed class PushDevImages : SeedTarget
{
    protected override void Configure(TargetSpec target) => target
        .DependsOn<BuildDockerImages>().DependsOn<BuildDashboardImage>().DependsOn<BuildE2eRunnerImage>().Consumes(Declarations.ImgPrefix);
}

/// <summary>The E2E script of one tests group, on two kind clusters.</summary>
public sealed class LocalE2eTests : SeedTarget
{
    protected override void Configure(TargetSpec target) => target
        .DependsOn<TestGo>().DependsOn<TestDashboard>().DependsOn<TestPinnipedProxy>().DependsOn<TestOciCatalog>().DependsOn<TestChartRender>()
        .DependsOn<BuildDockerImages>().DependsOn<BuildDashboardImage>().DependsOn<BuildE2eRunnerImage>()
        .Consumes(Declarations.ImgPrefix)
        .Matrix(m => m.Axis(Declarations.TestsGroup).FailFast(false));
}

/// <summary>One status check for the whole matrix: branch protection cannot require a matrix job.</summary>
public sealed class LocalE2eTestsResult : SeedTarget
{
    protected override void Configure(TargetSpec target) => target.DependsOn<LocalE2eTests>().OnlyWhen(Condition.Always);
}

public sealed class PushImages : SeedTarget
{
    protected override void Configure(TargetSpec target) => target
        .DependsOn<LocalE2eTests>().Consumes(Declarations.ImgProdTag).Consumes(Declarations.ImgPrefix);
}

public sealed class SyncChartFromBitnami : SeedTarget
{
    protected override void Configure(TargetSpec target) => target
        .DependsOn<Setup>().Consumes(Declarations.SshKeyForkedChartsDeployFilename).Requires(Declarations.GhToken);
}

/// <summary>Re-exports settings as outputs for the GKE calls.</summary>
public sealed class GkeSetup : SeedTarget
{
    protected override void Configure(TargetSpec target)
    {
        target
            .DependsOn<TestGo>().DependsOn<TestDashboard>().DependsOn<TestPinnipedProxy>().DependsOn<TestOciCatalog>().DependsOn<TestChartRender>()
            .DependsOn<BuildDockerImages>().DependsOn<BuildDashboardImage>().DependsOn<BuildE2eRunnerImage>().DependsOn<SyncChartFromBitnami>()
            .Consumes(Declarations.ImgDevTag).Consumes(Declarations.ImgModifier).Consumes(Declarations.ImgPrefix);
        foreach (var setting in Declarations.GkeSettings)
        {
            target.Produces(setting);
        }
    }
}

/// <summary>Stands where the call of gke_e2e_tests.yaml on the regular channel goes (issue 14).</summary>
public sealed class GkeRegularVersion : GkeTests;

/// <summary>Stands where the call of gke_e2e_tests.yaml on the stable channel goes (issue 14).</summary>
public sealed class GkeStableVersion : GkeTests;

/// <summary>What both GKE calls read: every setting gke_setup exports, and two secrets.</summary>
public abstract class GkeTests : SeedTarget
{
    protected override void Configure(TargetSpec target)
    {
        target.DependsOn<GkeSetup>().Requires(Declarations.GkeAdmin).Requires(Declarations.GcloudKey);
        foreach (var setting in Declarations.GkeSettings)
        {
            target.Consumes(setting);
        }
    }
}

public sealed class SyncChartToBitnami : SeedTarget
{
    protected override void Configure(TargetSpec target) => target
        .DependsOn<LocalE2eTests>().DependsOn<GkeRegularVersion>().DependsOn<GkeStableVersion>()
        .Consumes(Declarations.SshKeyForkedChartsDeployFilename).Requires(Declarations.GithubToken);
}

public sealed class Release : SeedTarget
{
    protected override void Configure(TargetSpec target) => target
        .DependsOn<SyncChartToBitnami>().DependsOn<LocalE2eTests>().DependsOn<GkeRegularVersion>().DependsOn<GkeStableVersion>()
        .Consumes(Declarations.ImgProdTag).Requires(Declarations.GhToken);
}

/// <summary>Stands where a caller's one job goes: <c>uses: ./.github/workflows/kubeapps-general.yaml</c> with <c>secrets: inherit</c> (issue 14).</summary>
public sealed class Ci : SeedTarget;

public sealed class KubeappsGeneral : Workflow
{
    private const string SshKnownHosts = "|1|2YkQ4jjACcc/1rgSBszyeEuKxW4=|hO4GB0XMwQj1gYQDmaS304aU8Tc= ssh-rsa AAAAB3NzaC1yc2EAAAABIwAAAQEAq2A7hRGmdnm9tUDbO9IDSwBK6TbQa+PXYPCPy6rbTrTtw7PHkccKrpp0yVhp5HdEIcKr6pLlVDBfOLX9QUsyCOV0wzfjIJNlGEYsdlLJizHhbn2mUjvSAHQqZETYP81eFzLQNnPHt4EVVUh7VfDESU84KezmD5QlWpXLmvU31/yMf+Se8xhHTvKSCZIFImWwoG6mbUoWf9nzpIoaSjB+weqqUUmpaaasXVal72J+UX2B+2RPW3RcT0eOzQgqlJL3RKrTJvdsjE3JEAvGq3lGHSZXy28G3skua2SmVi/w4yCE6gbODqnTWlg7+wC604ydGXA8VJiS5ap43JXiUFFAaQ==";

    /// <summary>The image's name: the prefix and modifier the setup job publishes around the name the job's <c>setup</c> step writes.</summary>
    private static readonly StringExpression ImageName =
        Contexts.Output(Declarations.ImgPrefix).AsString() + Contexts.Step("setup").Output("img_name") + Contexts.Output(Declarations.ImgModifier).AsString();

    /// <summary>The build matrix's cell: the image it builds.</summary>
    private static readonly StringExpression CellImage = Contexts.Matrix(Declarations.Image).AsString();

    protected override void Configure(WorkflowSpec workflow) => workflow
        .FileName("kubeapps-general")
        // out of scope (issue 14): workflow_call; its three boolean inputs are declared so the inputs.* conditions below read declared inputs.
        .RawTrigger("workflow_call", "inputs", new Dictionary<string, object?>
        {
            ["run_gke_tests"] = BooleanInput(false),
            ["run_linters"] = BooleanInput(true),
            ["trigger_release"] = BooleanInput(false),
        })
        .Secret(Declarations.GithubToken, "KUBEAPPS_BOT_GITHUB_TOKEN")
        .Secret(Declarations.GhToken, "GITHUB_TOKEN")
        // The description references each action by its major tag; pinned here to the newest release of that major.
        .Pin("actions/upload-artifact", "ea165f8d65b6e75b540449e92b4886f43607fa02", "v4.6.2")
        .Pin("docker/metadata-action", "c299e40c65443455700f0fdfc63efafe5b349051", "v5.10.0")
        .Pin("docker/setup-qemu-action", "c7c53464625b32c7a7e944ae62b3e17d2b600130", "v3.7.0")
        .Pin("docker/setup-buildx-action", "8d2750c68a42422c14e847fe6c8ac0403b4cbd6f", "v3.12.0")
        .Pin("docker/build-push-action", "10e90e3645eae34f1e60eeb005ba3a3d33f178e8", "v6.19.2")
        .Pin("docker/login-action", "c94ce9fb468520275223c153574b00df6fe4bcc9", "v3.7.0")
        .Pin("shimataro/ssh-key-action", "d4fffb50872869abe2d9a9098a6d9c5aa7d16be4", "v2.7.0")
        // A part of the 42 entries: those the description names, with its values; the others' values are from an older indexed version.
        .Env("GOLANG_VERSION", "1.23.2").Env("RUST_VERSION", "1.81.0").Env("NODE_VERSION", "20.18.0")
        .Env("KIND_VERSION", "v0.23.0")
        .Env("K8S_KIND_VERSION", "v1.26.6@sha256:6e2d8b28a5b601defe327b98bd1c2d1930b49e5d8c512e1895099e4504007adb")
        .Env("POSTGRESQL_VERSION", "17.0.0-debian-12-r3")
        .Env("HELM_VERSION_MIN", "v3.8.0").Env("HELM_VERSION_STABLE", "v3.12.2")
        .Env("IMG_PLATFORMS", "linux/amd64").Env("IMG_PREFIX", "kubeapps/").Env("IMG_MODIFIER", "-ci")
        .Env("IMAGES_TO_PUSH", "apprepository-controller dashboard asset-syncer pinniped-proxy kubeapps-apis oci-catalog")
        .Env("GKE_ZONE", "us-east1-c").Env("GKE_PROJECT", "vmware-kubeapps-ci").Env("GKE_CLUSTER", "kubeapps-test")
        .Env("CI_BOT_USERNAME", "kubeapps-bot").Env("KUBEAPPS_REPO", "vmware-tanzu/kubeapps").Env("BRANCH_KUBEAPPS_REPO", "main")
        .Env("IMG_DEV_TAG", "build-" + Contexts.GitHub.Sha)
        .Job<Setup>(j => j
            .BeforeBuild(s => s.Name("Show GitHub event").Env("EVENT_CONTEXT", Functions.ToJson(Contexts.GitHub.Event)).Run("echo \"$EVENT_CONTEXT\" | jq"))
            .BeforeBuild(s => s.Name("Show PR context").Env("PR_CONTEXT", Functions.ToJson(Contexts.GitHub.Event["pull_request"])).Run("echo \"$PR_CONTEXT\" | jq"))
            // The build step is the source's set-outputs step; its id is the generator's "build" (no typed reference to the job's own build step).
            .AfterBuild(s => s.Name("Show outputs").Env("IMG_DEV_TAG_OUTPUT", Contexts.Step("build").Output("img-dev-tag")).Run("echo \"IMG_DEV_TAG: $IMG_DEV_TAG_OUTPUT\"")))
        .Job<Linters>(j => j.Raw("if", "${{ inputs.run_linters }}")) // typed gap: expression (a workflow_call input: Contexts.Input reads only inputs declared with WorkflowDispatchInput, and workflow_call is issue 14)
        .Job<LintersResult>(j => j
            .Raw("if", "${{ inputs.run_linters && always() }}") // typed gap: expression (a workflow_call input, as above; always() alone is typed)
            .BeforeBuild(s => s.Name("Check all linters result").If(Contexts.Needs<Linters>().Result != "success").Run("exit 1")))
        .Job<TestGo>()
        .Job<TestDashboard>(j => j.Env("NODE_OPTIONS", "--max-old-space-size=1024"))
        .Job<TestPinnipedProxy>(j => j.Container("rust:${{ needs.setup.outputs.rust-version }}")) // typed gap: expression (JobSpec.Container takes text only: no overload for an image from Contexts.Output(RustVersion))
        .Job<TestOciCatalog>(j => j
            .Container("rust:${{ needs.setup.outputs.rust-version }}") // typed gap: expression (JobSpec.Container takes text only, as above)
            .BeforeBuild(s => s.Name("Install protoc dependency").Run("apt-get update -y\napt-get install -y protobuf-compiler")))
        .Job<TestChartRender>(j => j
            .BeforeBuild(s => s.Name("Install helm (minimum and stable)").Run(
                "set -eu\nsource ./script/lib/libcitools.sh\ninstallHelm \"${HELM_VERSION_MIN}\"\ninstallHelm \"${HELM_VERSION_STABLE}\" helm-stable")))
        .Job<BuildDockerImages>(j => ImageBuild(j
            .Name("Build " + CellImage + " image")
            .BeforeBuild(s => s.Id("setup").Run( // typed gap: expression (StepSpec.Run takes text only: the source writes the matrix value into the script)
                "echo \"img_name=${{ matrix.image }}\" >> \"$GITHUB_OUTPUT\"\necho \"img_file=/tmp/${{ matrix.image }}-image.tar\" >> \"$GITHUB_OUTPUT\"")), qemu: true, file: "cmd/" + CellImage + "/Dockerfile", context: null, platforms: Contexts.Env("IMG_PLATFORMS"), cache: true)
            .AfterBuild(s => s
                .Name("Upload image").Uses("actions/upload-artifact")
                .With("name", CellImage + "-image") // typed gap: an artifact name with the cell's value first (typed Upload names it <name>-<value>), so a user step
                .With("path", Contexts.Step("setup").Output("img_file"))))
        .Job<BuildDashboardImage>(j => ImageBuild(j.Name("Build dashboard image").Env("IMG_NAME", "dashboard").BeforeBuild(ImageFiles), qemu: true, file: null, context: "dashboard", platforms: Contexts.Env("IMG_PLATFORMS"), cache: true))
        .Job<BuildE2eRunnerImage>(j => ImageBuild(j.Name("Build E2E runner image").Env("IMG_NAME", "integration-tests").BeforeBuild(ImageFiles), qemu: false, file: null, context: "integration", platforms: "linux/amd64", cache: false))
        .Job<PushDevImages>(j => j
            // typed gap: OnlyWhen(Contexts.Output(TriggeredFromFork) == "false") writes this if:, but a local run (and the engine in
            // the job) reads an Output<bool> as a boolean, and false == 'false' is false: the target would be skipped (bug reported).
            .Raw("if", "${{ needs.setup.outputs.triggered-from-fork == 'false' }}")
            .Env("ADDITIONAL_IMAGES_TO_PUSH", "integration-tests")
            .DownloadArtifacts()
            .BeforeBuild(s => s.Run("echo \"IMAGES_TO_PUSH=\\\"${IMAGES_TO_PUSH} ${ADDITIONAL_IMAGES_TO_PUSH}\\\"\" >> \"$GITHUB_ENV\""))
            .BeforeBuild(DockerHubLogin))
        .Job<LocalE2eTests>(j => j
            .Env("DEFAULT_DEX_IP", "172.18.0.2")
            .Env("TESTS_GROUP", Contexts.Matrix(Declarations.TestsGroup)) // the cell also reaches the build step as PIPELINE_MATRIX_TESTS_GROUP
            .Env("TEST_OPERATORS", "1").Env("TEST_UPGRADE", "1").Env("TEST_TIMEOUT_MINUTES", "6").Env("USE_MULTICLUSTER_OIDC_ENV", "true")
            .DownloadArtifacts(path: "/tmp/images")
            .BeforeBuild(s => s.Name("Install required CLI tools").Run(
                "set -eu\nsource ./script/lib/libcitools.sh\ninstallKind \"${KIND_VERSION}\"\ninstallKubectl \"${KUBECTL_VERSION}\"\ninstallMkcert \"${MKCERT_VERSION}\"\ninstallHelm \"${HELM_VERSION_MIN}\"\ninstallHelm \"${HELM_VERSION_STABLE}\" helm-stable"))
            .BeforeBuild(s => s.Name("Spin up Kind cluster").Run("set -eu\nDEFAULT_DEX_IP=${DEFAULT_DEX_IP} K8S_KIND_VERSION=${K8S_KIND_VERSION} ./script/create-kind-cluster.sh"))
            .BeforeBuild(s => s.Name("Copy apiserver certificates").Run(
                "set -eu\ndocker cp kubeapps-ci-control-plane:/etc/kubernetes/pki/apiserver.crt ./devel/dex.crt\ndocker cp kubeapps-ci-control-plane:/etc/kubernetes/pki/apiserver.key ./devel/dex.key"))
            .BeforeBuild(s => s.Name("Install additional cluster").Run("set -eu\nDEFAULT_DEX_IP=${DEFAULT_DEX_IP} K8S_KIND_VERSION=${K8S_KIND_VERSION} ./script/create-additional-kind-cluster.sh"))
            .BeforeBuild(s => s.Name("Export cluster variables").Run(
                "set -eu\nDEX_IP=$(docker network inspect kind | jq -r '.[0].IPAM.Config[0].Gateway' | awk -F. '{ print $1\".\"$2\".\"$3\".\"$4+1 }')\n" +
                "if [ \"$DEFAULT_DEX_IP\" != \"$DEX_IP\" ]; then echo \"Default IP does not match with current IP used in Kind\"; exit 1; fi\n" +
                "echo \"DEX_IP=${DEX_IP}\" >> \"$GITHUB_ENV\""))
            .BeforeBuild(s => s.Name("Load needed images into Kind").Run("set -eu\n./script/load-kind-image.sh \"registry:${DOCKER_REGISTRY_VERSION}\" kubeapps-ci kubeapps-ci-additional"))
            .BeforeBuild(s => s.Name("Load CI images in the cluster").Run(
                "set -eu\nfor path in /tmp/images/*-image; do\n  image=$(basename \"$path\")\n  kind load image-archive \"${path}/${image}.tar\" --name kubeapps-ci\ndone"))
            .BeforeBuild(s => s.Name("Install multicluster deps").Run("./script/install-multicluster-deps.sh"))
            .AfterBuild(s => s
                .Name("Print k8s KubeappsAPIs logs if the tests fail")
                .If("failure() && env.TEST_RESULT == 1") // typed gap: expression (Contexts.Env is text with no AsNumber(): `== 1` compares as a number, `== "1"` would compare text)
                .ContinueOnError()
                .Run("kubectl --context kind-kubeapps-ci --kubeconfig \"${HOME}/.kube/kind-config-kubeapps-ci\" logs -n kubeapps deploy/kubeapps-ci-internal-kubeappsapis"))
            .AfterBuild(s => s
                .Name("Upload Artifacts").If(Functions.Failure()).Uses("actions/upload-artifact") // typed gap: an artifact uploaded only on failure (typed: always, with EvenOnFailure)
                .With("name", "e2e_tests_" + Contexts.Matrix(Declarations.TestsGroup).AsString() + "_reports")
                .With("path", "integration/reports")))
        .Job<LocalE2eTestsResult>(j => j
            .BeforeBuild(s => s.Name("Check local_e2e_tests matrix status").If(Contexts.Needs<LocalE2eTests>().Result != "success").Run("exit 1")))
        .Job<PushImages>(j => j
            .Raw("if", "${{ needs.setup.outputs.running-on-main == 'true' || inputs.trigger_release }}") // typed gap: expression (a workflow_call input; and an Output<bool> read as text, see push-dev-images)
            .DownloadArtifacts()
            .BeforeBuild(DockerHubLogin))
        .Job<SyncChartFromBitnami>(j => ChartSync(j.Raw("if", "${{ needs.setup.outputs.running-on-main == 'true' || inputs.trigger_release }}"))) // typed gap: expression (as push-images)
        .Job<GkeSetup>(j => j.Raw("if", "${{ inputs.run_gke_tests }}")) // typed gap: expression (a workflow_call input, as linters)
        .Job<GkeRegularVersion>()
        .Job<GkeStableVersion>()
        .Job<SyncChartToBitnami>(j => ChartSync(j.Raw("if", "${{ inputs.trigger_release }}"))) // typed gap: expression (a workflow_call input, as linters)
        .Job<Release>(j => j
            .Raw("if", "${{ inputs.trigger_release }}") // typed gap: expression (a workflow_call input, as linters)
            .BeforeBuild(s => s.Run("set -eu\nsource ./script/lib/libcitools.sh\ninstallGithubCLI \"${GITHUB_VERSION}\"")));

    private static Dictionary<string, object?> BooleanInput(bool value) => new() { ["type"] = "boolean", ["required"] = false, ["default"] = value };

    private static void ImageFiles(StepSpec step) => step.Id("setup").Run(
        "echo \"img_name=${IMG_NAME}\" >> \"$GITHUB_OUTPUT\"\necho \"img_file=artifacts/images/${IMG_NAME}-image.tar\" >> \"$GITHUB_OUTPUT\"");

    /// <summary>The image build's steps: metadata, QEMU (when asked), Buildx, then a build into a tarball, never pushed.</summary>
    private static JobSpec ImageBuild(JobSpec job, bool qemu, StringExpression? file, string? context, StringExpression platforms, bool cache)
    {
        job.BeforeBuild(s => s
            .Uses("docker/metadata-action").Id("meta")
            .With("images", ImageName)
            .With("flavor", "latest=true")
            .With("tags", Contexts.Output(Declarations.ImgDevTag)));
        if (qemu)
        {
            job.BeforeBuild(s => s.Uses("docker/setup-qemu-action"));
        }

        return job
            .BeforeBuild(s => s.Uses("docker/setup-buildx-action"))
            .BeforeBuild(s => BuildPush(s, file, context, platforms, cache));
    }

    private static void BuildPush(StepSpec step, StringExpression? file, string? context, StringExpression platforms, bool cache)
    {
        step.Name("Build image").Uses("docker/build-push-action").Env("DOCKER_BUILD_RECORD_UPLOAD", "false");
        if (file is not null)
        {
            step.With("file", file);
        }

        if (context is not null)
        {
            step.With("context", context);
        }

        step.With("platforms", platforms)
            .With("tags", Contexts.Step("meta").Output("tags"))
            .With("build-args", "VERSION=" + Contexts.Output(Declarations.Version).AsString()); // the output is declared now
        if (cache)
        {
            step.With("cache-from", "type=gha").With("cache-to", "type=gha,mode=max");
        }

        step.With("outputs", "type=docker,dest=" + Contexts.Step("setup").Output("img_file"));
    }

    private static void DockerHubLogin(StepSpec step) => step
        .Name("Login to Docker Hub").Uses("docker/login-action")
        .With("username", Declarations.DockerUsername).With("password", Declarations.DockerPassword);

    /// <summary>What both chart syncs set up: CLI tools with the bot's GPG key, the forked charts' deploy key, an SSH agent.</summary>
    private static JobSpec ChartSync(JobSpec job) => job
        .BeforeBuild(s => s
            .Name("Install CLI tools")
            .Env("GPG_KEY_PUBLIC", Declarations.GpgKeyPublic).Env("GPG_KEY_PRIVATE", Declarations.GpgKeyPrivate)
            .Run("set -eu\nsource ./script/lib/libcitools.sh\ninstallGithubCLI \"${GITHUB_VERSION}\"\ninstallSemver \"${SEMVER_VERSION}\"\ninstallGPGKey"))
        .BeforeBuild(s => s
            .Name("Install SSH key: Forked Charts Deploy Key").Uses("shimataro/ssh-key-action")
            .With("key", Declarations.SshKeyForkedChartsDeploy)
            .With("name", Contexts.Output(Declarations.SshKeyForkedChartsDeployFilename))
            .With("known_hosts", SshKnownHosts)
            .With("if_key_exists", "ignore"))
        .BeforeBuild(s => s
            .Name("Start ssh-agent and configure the key")
            .Run("set -eu\neval \"$(ssh-agent -s)\"\nssh-add \"${HOME}/.ssh/${PIPELINE_OUTPUT_SSH_KEY_FORKED_CHARTS_DEPLOY_FILENAME}\""));
}

/// <summary>kubeapps-main.yaml: pushes to main (no tags) and pull requests into main.</summary>
public sealed class KubeappsMain : Workflow
{
    protected override void Configure(WorkflowSpec workflow) => workflow
        .Name("Main Pipeline").FileName("kubeapps-main")
        .OnPush(branches: ["main"], tagsIgnore: ["*"])
        .OnPullRequest(branches: ["main"])
        .Concurrency(CancelInProgress.Always, Group)
        .Job<Ci>(); // out of scope (issue 14): uses kubeapps-general.yaml with secrets: inherit and the default inputs

    /// <summary>The callers' concurrency group: the pull request's branch, or the ref's name; the other callers add a suffix.</summary>
    internal static StringExpression Group { get; } = Contexts.GitHub.HeadRef.OrElse(Contexts.GitHub.RefName);
}

/// <summary>kubeapps-full-integration.yaml: by hand and three nights a week.</summary>
public sealed class KubeappsFullIntegration : Workflow
{
    protected override void Configure(WorkflowSpec workflow) => workflow
        .Name("Full Integration Pipeline").FileName("kubeapps-full-integration")
        .OnWorkflowDispatch()
        .OnSchedule("0 4 * * 1,3,6")
        .Concurrency(CancelInProgress.Always, KubeappsMain.Group + "_full")
        .Job<Ci>(); // out of scope (issue 14): with run_gke_tests: true, run_linters: false
}

/// <summary>kubeapps-release.yml: on version tags.</summary>
public sealed class KubeappsRelease : Workflow
{
    protected override void Configure(WorkflowSpec workflow) => workflow
        .Name("Release Pipeline").FileName("kubeapps-release")
        .OnPush(tags: ["v[0-9]+.[0-9]+.[0-9]+"])
        .Concurrency(CancelInProgress.Always, KubeappsMain.Group + "_release")
        .Job<Ci>(); // out of scope (issue 14): with run_gke_tests: true, run_linters: false, trigger_release: true
}
