using Pipeline.GitHubActions;
using Pipeline.Tests.GitHubActions.Support;

// 04-flux-source-controller-container-release.md: fluxcd/source-controller's release.yaml with the
// job of the reusable controller-release.yaml it calls written in place (calling a reusable workflow
// is issue 14). A tag push or a dispatch builds the image for three platforms with SBOM and
// provenance attestations, pushes it to Docker Hub and GHCR, signs it keylessly with cosign, lets
// GoReleaser make the GitHub release, and hands the release digests, image name and digest as typed
// outputs to three provenance jobs that run on v* tags only.
namespace Pipeline.Tests.GitHubActions.ReferenceWorkflows.FluxSourceController;

public static class Declarations
{
    /// <summary>The dispatch input <c>tag</c>; on a tag push it is empty, which the engine reads as unset: the default.</summary>
    public static readonly Parameter<string> Tag = Parameter.Create("image tag prefix", "rc");

    /// <summary>The callee's <c>github-token</c>: the run's own token.</summary>
    public static readonly Parameter<string> GitHubToken = Parameter.Secret("GitHub token (for pushing to GHCR and creating GitHub releases)");

    /// <summary>The callee's <c>dockerhub-token</c>, renamed from the organisation secret DOCKER_FLUXCD_PASSWORD.</summary>
    public static readonly Parameter<string> DockerHubToken = Parameter.Secret("Docker Hub token");

    /// <summary>The SLSA container generator's <c>registry-password</c> for Docker Hub (DOCKER_FLUXCD_PASSWORD).</summary>
    public static readonly Parameter<string> DockerHubRegistryPassword = Parameter.Secret("Docker Hub password of the provenance upload");

    /// <summary>The SLSA container generator's <c>registry-password</c> for GHCR (GITHUB_TOKEN).</summary>
    public static readonly Parameter<string> GhcrRegistryPassword = Parameter.Secret("GHCR password of the provenance upload");

    public static readonly Output<string> ReleaseDigests = new("Release artifacts digests compatible with SLSA");

    public static readonly Output<string> ImageName = new("Published container image name (without the registry)");

    public static readonly Output<string> ImageDigest = new("Published container image digest");

    public static PipelineBuilder Pipeline() => new PipelineBuilder()
        .Add<Release>().Add<ReleaseProvenance>().Add<DockerhubProvenance>().Add<GhcrProvenance>()
        .Parameters(Tag);
}

/// <summary>
/// The callee's last step, "Generate SLSA metadata", as the build step: it reads GoReleaser's
/// <c>dist/artifacts.json</c> and the pushed digest and sets the three outputs, typed.
/// </summary>
public sealed class Release : SeedTarget
{
    protected override void Configure(TargetSpec target) => target
        .Reads(Declarations.Tag)
        .Produces(Declarations.ReleaseDigests).Produces(Declarations.ImageName).Produces(Declarations.ImageDigest);
}

/// <summary>Stands where the call of generator_generic_slsa3.yml@v2.1.0 goes (issue 14): its needs, if, permissions and inputs.</summary>
public sealed class ReleaseProvenance : SeedTarget
{
    protected override void Configure(TargetSpec target) => target
        .DependsOn<Release>().OnlyWhen(Condition.OnTag("v")).Consumes(Declarations.ReleaseDigests);
}

/// <summary>Stands where the call of generator_container_slsa3.yml@v2.1.0 for Docker Hub goes (issue 14).</summary>
public sealed class DockerhubProvenance : SeedTarget
{
    protected override void Configure(TargetSpec target) => target
        .DependsOn<Release>().OnlyWhen(Condition.OnTag("v"))
        .Consumes(Declarations.ImageName).Consumes(Declarations.ImageDigest).Requires(Declarations.DockerHubRegistryPassword);
}

/// <summary>Stands where the call of generator_container_slsa3.yml@v2.1.0 for GHCR goes (issue 14).</summary>
public sealed class GhcrProvenance : SeedTarget
{
    protected override void Configure(TargetSpec target) => target
        .DependsOn<Release>().OnlyWhen(Condition.OnTag("v"))
        .Consumes(Declarations.ImageName).Consumes(Declarations.ImageDigest).Requires(Declarations.GhcrRegistryPassword);
}

public sealed class ReleaseWorkflow : Workflow
{
    /// <summary>The controller's name: the repository's, without its owner.</summary>
    private static readonly StringExpression Controller = Contexts.GitHub.Event["repository"]["name"].AsString();

    /// <summary>The image on Docker Hub: <c>owner/controller</c>; GHCR's is the same under <c>ghcr.io/</c>.</summary>
    private static readonly StringExpression Image = Contexts.GitHub.RepositoryOwner + "/" + Controller;

    protected override void Configure(WorkflowSpec workflow) => workflow
        .Name("release").FileName("release")
        .OnPush(tags: ["v*"])
        .WorkflowDispatchInput(Declarations.Tag, id: "tag") // typed gap: required: true together with a default
        .Secret(Declarations.GitHubToken, "GITHUB_TOKEN")
        .Secret(Declarations.DockerHubToken, "DOCKER_FLUXCD_PASSWORD")
        .Secret(Declarations.DockerHubRegistryPassword, "DOCKER_FLUXCD_PASSWORD")
        .Secret(Declarations.GhcrRegistryPassword, "GITHUB_TOKEN")
        .Pin("actions/checkout", "de0fac2e4500dabe0009e67214ff5f5447ce83dd", "v6.0.2")
        .Pin("fluxcd/pkg/actions/kustomize", "cde06a52d9795fada48a80abf7d4a1f6d48d2ee4", "main")
        .Pin("docker/setup-qemu-action", "c7c53464625b32c7a7e944ae62b3e17d2b600130", "v3.7.0")
        .Pin("docker/setup-buildx-action", "8d2750c68a42422c14e847fe6c8ac0403b4cbd6f", "v3.12.0")
        .Pin("docker/login-action", "5e57cd118135c172c3672efd75eb46360885c0ef", "v3.6.0")
        .Pin("docker/metadata-action", "c299e40c65443455700f0fdfc63efafe5b349051", "v5.10.0")
        .Pin("docker/build-push-action", "263435318d21b8e681c14492fe198d362a7d2c83", "v6.18.0")
        .Pin("sigstore/cosign-installer", "faadad0cce49287aee09b3a48701e75088a2c6ad", "v4.0.0")
        .Pin("anchore/sbom-action/download-syft", "62ad5284b8ced813296287a0b63906cb364b73ee", "v0.22.0")
        .Pin("goreleaser/goreleaser-action", "e435ccd777264be153ace6237001ef4d979d3a7a", "v6.4.0")
        .Job<Release>(j => j
            .Permissions(Permission.Contents.Write, Permission.IdToken.Write, Permission.Packages.Write)
            .BeforeBuild(s => s.Name("Setup Kustomize").Uses("fluxcd/pkg/actions/kustomize"))
            .BeforeBuild(s => s
                .Name("Prepare").Id("prep")
                .Env("GIT_REF", Contexts.GitHub.Ref)
                .Env("GIT_SHA", Contexts.GitHub.Sha)
                .Env("RELEASE_CANDIDATE_PREFIX", Contexts.Input(Declarations.Tag)) // inputs.tag: empty on a tag push, as github.event.inputs.tag is
                .Run("""
                    VERSION="${RELEASE_CANDIDATE_PREFIX}-${GIT_SHA::8}"
                    if [[ $GIT_REF == refs/tags/* ]]; then
                      VERSION=${GIT_REF/refs\/tags\//}
                    fi
                    echo "BUILD_DATE=$(date -u +'%Y-%m-%dT%H:%M:%SZ')" >> "$GITHUB_OUTPUT"
                    echo "VERSION=${VERSION}" >> "$GITHUB_OUTPUT"
                    """))
            .BeforeBuild(s => s.Name("Setup QEMU").Uses("docker/setup-qemu-action"))
            .BeforeBuild(s => s.Name("Setup Docker Buildx").Id("buildx").Uses("docker/setup-buildx-action"))
            .BeforeBuild(s => s
                .Name("Login to GitHub Container Registry").Uses("docker/login-action")
                .With("registry", "ghcr.io").With("username", "fluxcdbot").With("password", Declarations.GitHubToken))
            .BeforeBuild(s => s
                .Name("Login to Docker Hub").Uses("docker/login-action")
                .With("username", "${{ github.repository_owner == 'fluxcd' && 'fluxcdbot' || github.repository_owner }}") // typed gap: expression (a conditional value: && takes booleans only, so `cond && 'text' || other` cannot be built)
                .With("password", Declarations.DockerHubToken))
            .BeforeBuild(s => s
                .Name("Generate images meta").Id("meta").Uses("docker/metadata-action")
                .With("images", Image + "\nghcr.io/" + Image)
                .With("tags", "type=raw,value=" + Contexts.Step("prep").Output("VERSION")))
            .BeforeBuild(s => s
                .Name("Publish images").Id("build-push").Uses("docker/build-push-action")
                .With("sbom", true).With("provenance", true).With("push", true)
                .With("builder", Contexts.Step("buildx").Output("name"))
                .With("context", ".").With("file", "./Dockerfile")
                .With("platforms", "linux/amd64,linux/arm/v7,linux/arm64")
                .With("tags", Contexts.Step("meta").Output("tags"))
                .With("labels", Contexts.Step("meta").Output("labels")))
            .BeforeBuild(s => s.Uses("sigstore/cosign-installer").With("cosign-release", "v2.6.1"))
            .BeforeBuild(s => s
                .Name("Sign images")
                .Env("COSIGN_EXPERIMENTAL", "1")
                .Env("CONTROLLER", Controller)
                .Env("DIGEST", Contexts.Step("build-push").Output("digest"))
                .Env("REPOSITORY_OWNER", Contexts.GitHub.RepositoryOwner)
                .Run("""
                    cosign sign --yes "${REPOSITORY_OWNER}/${CONTROLLER}@${DIGEST}"
                    cosign sign --yes "ghcr.io/${REPOSITORY_OWNER}/${CONTROLLER}@${DIGEST}"
                    """))
            .BeforeBuild(s => s
                .Name("Generate release artifacts")
                .If(Condition.OnTag("v"))
                .Env("CONTROLLER", Controller)
                .Run("""
                    mkdir -p config/release
                    kustomize build ./config/crd > "./config/release/${CONTROLLER}.crds.yaml"
                    kustomize build ./config/manager > "./config/release/${CONTROLLER}.deployment.yaml"
                    """))
            .BeforeBuild(s => s.Uses("anchore/sbom-action/download-syft"))
            .BeforeBuild(s => s
                .Name("Create release and SBOM").Id("run-goreleaser")
                .If(Condition.OnTag("v"))
                .Uses("goreleaser/goreleaser-action")
                .With("version", "latest").With("args", "release --clean --skip=validate")
                .Env("GITHUB_TOKEN", Declarations.GitHubToken)))
        .Job<ReleaseProvenance>(j => j.Permissions(Permission.Actions.Read, Permission.IdToken.Write, Permission.Contents.Write))
        .Job<DockerhubProvenance>(j => j.Permissions(Permission.Contents.Read, Permission.Actions.Read, Permission.IdToken.Write, Permission.Packages.Write))
        .Job<GhcrProvenance>(j => j.Permissions(Permission.Contents.Read, Permission.Actions.Read, Permission.IdToken.Write, Permission.Packages.Write));
}
