using System.Text.RegularExpressions;
using Pipeline.Delivery.Tests.Support;
using Pipeline.GitHubActions;

namespace Pipeline.Delivery.Tests.Images;

public sealed partial class MultiPlatformWorkflowSpecs
{
    [Fact]
    public async Task A_foreign_platform_gives_the_build_job_qemu_and_buildx_and_the_digests_travel_to_the_merge_as_a_job_output()
    {
        using var root = new TempRoot();
        var yaml = await GenerateAsync(root, MultiSetup.For(root).Builder().Add<MergeAttested>().Provide(new Attested(null)).Workflows(w => w.Add<Release>()));

        var build = Job(yaml, "build-multi-image");
        Assert.Contains("uses: docker/setup-qemu-action@96fe6ef7f33517b61c61be40b68a1882f3264fb8 # v4.2.0", build, StringComparison.Ordinal);
        Assert.Contains("platforms: linux/arm64", build, StringComparison.Ordinal);
        Assert.Contains("uses: docker/setup-buildx-action@37fe631027851001ddb9b187196cc803df7f5f0e # v4.3.0", build, StringComparison.Ordinal);
        Assert.True(build.IndexOf("setup-qemu-action", StringComparison.Ordinal) < build.IndexOf("./build.sh", StringComparison.Ordinal), build);

        var push = Job(yaml, "push-test-platforms");
        Assert.Contains("platform-digests: ${{ steps.build.outputs.platform-digests }}", push, StringComparison.Ordinal);
        Assert.DoesNotContain("qemu", push, StringComparison.Ordinal);
        var merge = Job(yaml, "merge-attested");
        Assert.Contains("PIPELINE_OUTPUT_PLATFORM_DIGESTS: ${{ needs.push-test-platforms.outputs.platform-digests }}", merge, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Declared_attestations_add_their_steps_after_the_merge_and_write_permissions_to_that_job_only()
    {
        using var root = new TempRoot();
        var setup = MultiSetup.For(root);
        var yaml = await GenerateAsync(root, setup.Builder().Add<MergeAttested>().Provide(new Attested(setup.Name)).Workflows(w => w.Add<Release>()));

        var merge = Job(yaml, "merge-attested");
        Assert.Contains("uses: actions/attest-build-provenance@a2bbfa25375fe432b6a289bc6b6cd05ecd0c4c32 # v4.1.0", merge, StringComparison.Ordinal);
        Assert.Contains("subject-digest: ${{ steps.build.outputs.", merge, StringComparison.Ordinal);
        Assert.Contains("push-to-registry: true", merge, StringComparison.Ordinal);
        Assert.Contains("uses: anchore/sbom-action@e22c389904149dbc22b58101806040fa8d37a610 # v0.24.0", merge, StringComparison.Ordinal);
        Assert.Contains("uses: actions/attest-sbom@c604332985a26aa8cf1bdc465b92731239ec6b9e # v4.1.0", merge, StringComparison.Ordinal);
        Assert.True(merge.IndexOf("./build.sh", StringComparison.Ordinal) < merge.IndexOf("attest-build-provenance", StringComparison.Ordinal), merge);
        Assert.Matches(PermissionsBlock(), merge);

        // Only the merge job: the workflow and the other jobs keep contents: read.
        Assert.DoesNotContain("id-token", yaml[..yaml.IndexOf("\n  merge-attested:", StringComparison.Ordinal)], StringComparison.Ordinal);
    }

    [Fact]
    public async Task Without_attestations_or_foreign_platforms_no_step_or_permission_is_added()
    {
        using var root = new TempRoot();
        var setup = MultiSetup.For(root) with { Platforms = [Platform.LinuxAmd64] };
        var yaml = await GenerateAsync(root, setup.Builder().Workflows(w => w.Add<PlainRelease>()));

        Assert.DoesNotContain("qemu", yaml, StringComparison.Ordinal);
        Assert.DoesNotContain("attest", yaml, StringComparison.Ordinal);
        Assert.DoesNotContain("id-token", yaml, StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_job_that_gets_read_all_cannot_attest_and_generation_says_so()
    {
        using var root = new TempRoot();
        var setup = MultiSetup.For(root);
        var builder = setup.Builder().Add<MergeAttested>().Provide(new Attested(setup.Name)).Workflows(w => w.Add<ReadAllRelease>());

        var run = await PipelineRun.RunAsync(builder, root.Path, "--generate");

        Assert.NotEqual(0, run.ExitCode);
        Assert.Contains("need id-token: write, attestations: write: grant the job's permissions by name", run.Output, StringComparison.Ordinal);
    }

    private static async Task<string> GenerateAsync(TempRoot root, PipelineBuilder builder)
    {
        (await PipelineRun.RunAsync(builder, root.Path, "--generate")).Succeeded();
        var file = Directory.GetFiles(root.Path / ".github" / "workflows").Single();
        var yaml = await File.ReadAllTextAsync(file, TestContext.Current.CancellationToken);
        await WorkflowLint.AssertCleanAsync(yaml, Path.GetFileName(file));
        return yaml;
    }

    private static string Job(string yaml, string id)
    {
        var start = yaml.IndexOf($"\n  {id}:\n", StringComparison.Ordinal);
        Assert.True(start >= 0, yaml);
        var next = Regex.Match(yaml[(start + 1)..], "\n  [a-z0-9-]+:\n");
        return next.Success ? yaml.Substring(start, next.Index + 1) : yaml[start..];
    }

    [GeneratedRegex(@"permissions:\n\s+attestations: write\n\s+contents: read\n\s+id-token: write\n\s+packages: write")]
    private static partial Regex PermissionsBlock();

    public sealed record Attested(string? ImageName);

    /// <summary>A merge that attests the test image when the test provides <see cref="Attested"/>.</summary>
    public sealed class MergeAttested(MultiSetup setup, Attested attested) : MergeImagesTarget<PushTestPlatforms>
    {
        protected override IEnumerable<ContainerRegistry> Registries => setup.Registries;

        protected override IEnumerable<ImageAttestation> Attestations => attested.ImageName is null ? [] :
        [
            ImageAttestation.Provenance(new ContainerImage(attested.ImageName!)),
            ImageAttestation.Sbom(new ContainerImage(attested.ImageName!)),
        ];
    }

    public sealed class Release : Workflow
    {
        protected override void Configure(WorkflowSpec workflow) => workflow
            .OnPush(branches: ["main"])
            .Job<BuildMultiImage>()
            .Job<PushTestPlatforms>(j => j.Permissions(Permission.Contents.Read, Permission.Packages.Write))
            .Job<MergeAttested>(j => j.Permissions(Permission.Contents.Read, Permission.Packages.Write));
    }

    public sealed class PlainRelease : Workflow
    {
        protected override void Configure(WorkflowSpec workflow) => workflow
            .OnPush(branches: ["main"])
            .Job<BuildMultiImage>()
            .Job<PushTestPlatforms>()
            .Job<MergeTestImages>();
    }

    public sealed class ReadAllRelease : Workflow
    {
        protected override void Configure(WorkflowSpec workflow) => workflow
            .OnPush(branches: ["main"])
            .Job<BuildMultiImage>()
            .Job<PushTestPlatforms>()
            .Job<MergeAttested>(j => j.PermissionsReadAll());
    }
}
