using Pipeline.GitHubActions;
using Pipeline.Tests.GitHubActions.Support;
using YamlDotNet.RepresentationModel;
using Flux = Pipeline.Tests.GitHubActions.ReferenceWorkflows.FluxSourceController;

namespace Pipeline.Tests.GitHubActions.ReferenceWorkflows;

/// <summary>
/// 04 — Flux source-controller's container release (shared/reference-workflows/04-…), reproduced in
/// <see cref="Flux.ReleaseWorkflow"/>. What a typed C# pipeline must express, bullet by bullet:
/// <list type="bullet">
/// <item>workflow_dispatch input with description, default and required, plus a tag trigger; inputs empty
///   under the other trigger — covered (typed): <c>OnPush(tags:)</c>, <c>WorkflowDispatchInput(Tag, id: "tag")</c>;
///   the engine reads the empty input of a tag push as unset, so the default applies. Typed gap: an input that is
///   <c>required: true</c> and has a default (a parameter with a default is written <c>required: false</c>).</item>
/// <item>Jobs that are cross-repository reusable-workflow calls pinned by tag (per-call permissions, <c>with</c>
///   from expressions, renamed <c>secrets:</c>) — out of scope (issue 14: calling a reusable workflow). The three
///   provenance jobs stand where the calls go: their needs, <c>if</c>, per-job permissions, the outputs they read
///   and the renamed secrets they get (<c>Secret(parameter, "DOCKER_FLUXCD_PASSWORD")</c>) are typed and asserted.</item>
/// <item>Defining a reusable workflow with typed inputs, secrets and outputs mapped from job outputs — out of scope
///   (issue 14: <c>workflow_call</c>). The callee's job is written in place; its outputs are typed <c>Output&lt;string&gt;</c>.</item>
/// <item>Consuming a reusable workflow's outputs through <c>needs.&lt;call&gt;.outputs</c> in another call's <c>with</c> —
///   covered (typed) for jobs: <c>Produces</c>/<c>Consumes</c> give <c>outputs:</c> and <c>needs.release.outputs.*</c>;
///   for calls, out of scope (issue 14).</item>
/// <item>A job <c>if</c> on <c>startsWith(github.ref, 'refs/tags/v')</c> — covered (typed): <c>Condition.OnTag("v")</c>, and the
///   release steps' <c>if</c> the same way (<c>StepSpec.If(Condition.OnTag("v"))</c>).</item>
/// <item>Multi-platform builds: setup-qemu, setup-buildx (its <c>name</c> output feeds <c>builder</c>), build-push-action with
///   platforms, sbom, provenance, push, tags/labels from metadata-action — covered (typed) as action steps with ids and
///   inputs; the step-output references are typed (<c>Contexts.Step("buildx").Output("name")</c>).</item>
/// <item>Logging in to two registries, one with a callee-declared secret and one with a renamed org secret — covered (typed):
///   <c>With("password", secret parameter)</c> and <c>Secret(parameter, name)</c>; the owner-based username ternary through
///   the escape hatch (typed gap: expression — there is no conditional value: <c>&amp;</c> joins booleans only, so
///   <c>cond &amp;&amp; 'fluxcdbot' || owner</c> cannot be built).</item>
/// <item>Keyless cosign signing: installer with a pinned tool version, a script signing <c>image@digest</c>, id-token and
///   packages write — covered (typed) steps and permissions; the digest reference typed
///   (<c>Contexts.Step("build-push").Output("digest")</c>).</item>
/// <item>Action references to a sub-path of a repository — covered (typed): <c>Pin("fluxcd/pkg/actions/kustomize", sha, "main")</c>.</item>
/// <item>Step outputs consumed as JSON and turned into job outputs — covered (typed) differently: the SLSA metadata step is
///   the build step (target <see cref="Flux.Release"/>), which reads GoReleaser's <c>dist/artifacts.json</c> and sets three
///   typed outputs. Typed gap: a user step's outputs cannot become job outputs or reach the build step's env.</item>
/// <item>Tolerance for output-name case differences (VERSION vs version) — covered (typed) for job outputs: one declared
///   <c>Output&lt;T&gt;</c> gives one spelling everywhere; a user step's output is read by the id and name it is written
///   with (<c>Contexts.Step("prep").Output("VERSION")</c>: the name is not checked against what the step writes).</item>
/// <item>A pinning policy with exceptions (SHA for ordinary actions, tags for SLSA generators) — covered (typed) for the
///   SHA pins (<c>Pin</c>, written <c>@sha # tag</c>); the policy with its exception list is out of scope (issue 14: action pin lock files).</item>
/// </list>
/// </summary>
public sealed class FluxSourceControllerSpecs
{
    /// <summary>build-push-action's inputs that must all be true: SBOM and provenance attestations, and the push.</summary>
    private static readonly string[] Attestations = ["sbom", "provenance", "push"];

    private static WorkflowModel Plan() => Workflows.Plan<Flux.ReleaseWorkflow>(Flux.Declarations.Pipeline());

    private static YamlMappingNode Yaml() => RenderedYaml.Parse(Plan());

    [Fact]
    public void It_runs_on_v_tags_and_by_hand_with_the_image_tag_prefix_input()
    {
        var workflow = Plan();

        Assert.Equal("release", workflow.Name);
        Assert.Equal(".github/workflows/release.yml", workflow.Path);
        Assert.Equal(["v*"], workflow.On.Push!.Tags);
        Assert.Empty(workflow.On.Push.Branches);
        Assert.Null(workflow.On.PullRequest);
        var tag = Assert.Single(workflow.On.Dispatch!.Inputs);
        Assert.Equal("tag", tag.Id);
        Assert.Equal("image tag prefix", tag.Description);
        Assert.Equal(DispatchInputType.Text, tag.Type);
        Assert.Equal("rc", tag.Default);
        Assert.Null(workflow.Concurrency);
        Assert.Empty(workflow.Env);

        // The Release target reads the input: on a tag push it is "", which the engine reads as unset.
        Assert.Contains(new KeyValuePair<string, string>("TAG", "${{ inputs.tag }}"), workflow["release"].BuildStep.Env);
    }

    [Fact]
    public void The_release_feeds_three_provenance_jobs_that_run_on_v_tags_only()
    {
        var workflow = Plan();

        Assert.Equal(["release", "release-provenance", "dockerhub-provenance", "ghcr-provenance"], workflow.Jobs.Select(j => j.Id));
        Assert.Empty(workflow["release"].Needs);
        Assert.Null(workflow["release"].If);
        foreach (var provenance in workflow.Jobs.Skip(1))
        {
            Assert.Equal(["release"], provenance.Needs);
            Assert.Equal("startsWith(github.ref, 'refs/tags/v')", provenance.If);
            Assert.Null(provenance.Matrix);
            Assert.Empty(provenance.Services);
        }
    }

    [Fact]
    public void Every_job_declares_its_own_permissions()
    {
        var workflow = Plan();

        // Grants are listed by name. The source declares none at workflow level (the token's default); the generator's default is the narrowest.
        Assert.Equal(["contents: read"], workflow.Permissions.Select(p => p.ToString()));
        Assert.Equal(["contents: write", "id-token: write", "packages: write"], Grants(workflow["release"]));
        Assert.Equal(["actions: read", "contents: write", "id-token: write"], Grants(workflow["release-provenance"]));
        Assert.Equal(["actions: read", "contents: read", "id-token: write", "packages: write"], Grants(workflow["dockerhub-provenance"]));
        Assert.Equal(["actions: read", "contents: read", "id-token: write", "packages: write"], Grants(workflow["ghcr-provenance"]));
    }

    [Fact]
    public void The_release_publishes_its_digests_image_name_and_digest_and_the_provenance_jobs_read_them()
    {
        var workflow = Plan();

        Assert.Equal(
            [
                new("release-digests", "${{ steps.build.outputs.release-digests }}"),
                new("image-name", "${{ steps.build.outputs.image-name }}"),
                new("image-digest", "${{ steps.build.outputs.image-digest }}"),
            ],
            workflow["release"].Outputs);
        Assert.Contains(new KeyValuePair<string, string>("PIPELINE_OUTPUT_RELEASE_DIGESTS", "${{ needs.release.outputs.release-digests }}"), workflow["release-provenance"].BuildStep.Env);
        foreach (var container in new[] { "dockerhub-provenance", "ghcr-provenance" })
        {
            Assert.Contains(new KeyValuePair<string, string>("PIPELINE_OUTPUT_IMAGE_NAME", "${{ needs.release.outputs.image-name }}"), workflow[container].BuildStep.Env);
            Assert.Contains(new KeyValuePair<string, string>("PIPELINE_OUTPUT_IMAGE_DIGEST", "${{ needs.release.outputs.image-digest }}"), workflow[container].BuildStep.Env);
            Assert.DoesNotContain(workflow[container].BuildStep.Env, e => e.Key == "PIPELINE_OUTPUT_RELEASE_DIGESTS");
        }
    }

    [Fact]
    public void Renamed_secrets_reach_only_the_jobs_that_use_them()
    {
        var workflow = Plan();

        Assert.Equal(["DOCKER_FLUXCD_PASSWORD", "GITHUB_TOKEN"], workflow["release"].Secrets);
        Assert.Empty(workflow["release-provenance"].Secrets);
        Assert.Equal(["DOCKER_FLUXCD_PASSWORD"], workflow["dockerhub-provenance"].Secrets);
        Assert.Contains(new KeyValuePair<string, string>("DOCKER_HUB_REGISTRY_PASSWORD", "${{ secrets.DOCKER_FLUXCD_PASSWORD }}"), workflow["dockerhub-provenance"].BuildStep.Env);
        Assert.Equal(["GITHUB_TOKEN"], workflow["ghcr-provenance"].Secrets);
        Assert.Contains(new KeyValuePair<string, string>("GHCR_REGISTRY_PASSWORD", "${{ secrets.GITHUB_TOKEN }}"), workflow["ghcr-provenance"].BuildStep.Env);
    }

    [Fact]
    public void The_release_job_builds_for_three_platforms_signs_and_releases_in_the_callees_order()
    {
        var yaml = Yaml();

        Assert.Equal(
            [
                "Check out", "Set up .NET", "Setup Kustomize", "Prepare", "Setup QEMU", "Setup Docker Buildx",
                "Login to GitHub Container Registry", "Login to Docker Hub", "Generate images meta", "Publish images", "sigstore/cosign-installer",
                "Sign images", "Generate release artifacts", "anchore/sbom-action/download-syft", "Create release and SBOM", "Run Release", "Upload the run report", "Link the run report",
            ],
            yaml.StepNames("release"));
        Assert.Equal("actions/checkout@de0fac2e4500dabe0009e67214ff5f5447ce83dd", yaml.Step("release", "Check out").At("uses").Text());
        Assert.Equal("fluxcd/pkg/actions/kustomize@cde06a52d9795fada48a80abf7d4a1f6d48d2ee4", yaml.Step("release", "Setup Kustomize").At("uses").Text());
        Assert.Contains("fluxcd/pkg/actions/kustomize@cde06a52d9795fada48a80abf7d4a1f6d48d2ee4 # main", Rendered(), StringComparison.Ordinal);
        Assert.Equal("anchore/sbom-action/download-syft@62ad5284b8ced813296287a0b63906cb364b73ee", yaml.Step("release", "anchore/sbom-action/download-syft").At("uses").Text());

        var prepare = yaml.Step("release", "Prepare");
        Assert.Equal("prep", prepare.At("id").Text());
        Assert.Equal(["GIT_REF", "GIT_SHA", "RELEASE_CANDIDATE_PREFIX"], prepare.At("env").Keys());
        Assert.Equal("${{ github.ref }}", prepare.At("env", "GIT_REF").Text());
        Assert.Equal("${{ github.sha }}", prepare.At("env", "GIT_SHA").Text());
        Assert.Equal("${{ inputs.tag }}", prepare.At("env", "RELEASE_CANDIDATE_PREFIX").Text());
        Assert.Equal("buildx", yaml.Step("release", "Setup Docker Buildx").At("id").Text());
        Assert.Equal("docker/setup-qemu-action@c7c53464625b32c7a7e944ae62b3e17d2b600130", yaml.Step("release", "Setup QEMU").At("uses").Text());

        var ghcr = yaml.Step("release", "Login to GitHub Container Registry");
        Assert.Equal("ghcr.io", ghcr.At("with", "registry").Text());
        Assert.Equal("fluxcdbot", ghcr.At("with", "username").Text());
        Assert.Equal("${{ secrets.GITHUB_TOKEN }}", ghcr.At("with", "password").Text());
        var hub = yaml.Step("release", "Login to Docker Hub");
        Assert.False(hub.Has("with", "registry"));
        Assert.Equal("${{ github.repository_owner == 'fluxcd' && 'fluxcdbot' || github.repository_owner }}", hub.At("with", "username").Text());
        Assert.Equal("${{ secrets.DOCKER_FLUXCD_PASSWORD }}", hub.At("with", "password").Text());

        var meta = yaml.Step("release", "Generate images meta");
        Assert.Equal("meta", meta.At("id").Text());
        Assert.Equal(
            """
            ${{ github.repository_owner }}/${{ github.event.repository.name }}
            ghcr.io/${{ github.repository_owner }}/${{ github.event.repository.name }}
            """,
            meta.At("with", "images").Text());
        Assert.Equal("type=raw,value=${{ steps.prep.outputs.VERSION }}", meta.At("with", "tags").Text());

        var publish = yaml.Step("release", "Publish images");
        Assert.Equal("build-push", publish.At("id").Text());
        Assert.Equal("docker/build-push-action@263435318d21b8e681c14492fe198d362a7d2c83", publish.At("uses").Text());
        Assert.Equal("linux/amd64,linux/arm/v7,linux/arm64", publish.At("with", "platforms").Text());
        Assert.All(Attestations, input => Assert.Equal("true", publish.At("with", input).Text()));
        Assert.Equal("${{ steps.buildx.outputs.name }}", publish.At("with", "builder").Text());
        Assert.Equal("${{ steps.meta.outputs.tags }}", publish.At("with", "tags").Text());
        Assert.Equal("${{ steps.meta.outputs.labels }}", publish.At("with", "labels").Text());
        Assert.Equal("./Dockerfile", publish.At("with", "file").Text());
    }

    [Fact]
    public void Signing_is_keyless_and_the_release_steps_run_on_v_tags_only()
    {
        var yaml = Yaml();

        Assert.Equal("v2.6.1", yaml.Step("release", "sigstore/cosign-installer").At("with", "cosign-release").Text());
        var sign = yaml.Step("release", "Sign images");
        Assert.Equal("1", sign.At("env", "COSIGN_EXPERIMENTAL").Text());
        Assert.Equal("${{ steps.build-push.outputs.digest }}", sign.At("env", "DIGEST").Text());
        Assert.Equal("${{ github.event.repository.name }}", sign.At("env", "CONTROLLER").Text());
        Assert.Equal("${{ github.repository_owner }}", sign.At("env", "REPOSITORY_OWNER").Text());
        Assert.Contains("cosign sign --yes", sign.At("run").Text(), StringComparison.Ordinal);
        Assert.False(sign.Has("if"));

        Assert.Equal("startsWith(github.ref, 'refs/tags/v')", yaml.Step("release", "Generate release artifacts").At("if").Text());
        var goreleaser = yaml.Step("release", "Create release and SBOM");
        Assert.Equal("run-goreleaser", goreleaser.At("id").Text());
        Assert.Equal("startsWith(github.ref, 'refs/tags/v')", goreleaser.At("if").Text());
        Assert.Equal("latest", goreleaser.At("with", "version").Text());
        Assert.Equal("release --clean --skip=validate", goreleaser.At("with", "args").Text());
        Assert.Equal("${{ secrets.GITHUB_TOKEN }}", goreleaser.At("env", "GITHUB_TOKEN").Text());

        // The SLSA metadata step is the build step: it sets the job's outputs.
        Assert.Equal("build", yaml.At("jobs", "release", "steps", "15", "id").Text());
        Assert.Equal("./build.sh Release", yaml.At("jobs", "release", "steps", "15", "run").Text());
    }

    [Fact]
    public async Task The_generated_workflow_passes_actionlint_and_GitHubs_parser()
    {
        var file = Workflows.Render<Flux.ReleaseWorkflow>(Flux.Declarations.Pipeline());

        await WorkflowLint.AssertCleanAsync(file.Content, "release.yml");
    }

    private static string Rendered() => WorkflowRenderer.Render(Plan());

    private static IEnumerable<string> Grants(JobModel job) => job.Permissions!.Select(p => p.ToString());
}
