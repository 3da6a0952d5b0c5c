using System.Text.Json;
using Pipeline.Delivery.Tests.Registries;
using Pipeline.Delivery.Tests.Support;

namespace Pipeline.Delivery.Tests.Images;

public sealed class MultiPlatformImageSpecs
{
    private static readonly Dictionary<string, string> Local = new() { ["GIT_CONFIG_NOSYSTEM"] = "1" };

    [Fact]
    public async Task Two_platforms_are_pushed_by_digest_to_two_registries_and_merged_into_one_tagged_list()
    {
        Requirements.Docker();
        await using var first = await TestRegistry.StartAsync();
        await using var second = await TestRegistry.StartAsync(("alice", "pw-Merge-3c9d"));
        using var root = new TempRoot();
        var setup = MultiSetup.For(root, new GenericRegistry(first.Host), new GenericRegistry(second.Host, "alice", Secrets.RegistryPassword));
        try
        {
            var variables = PushImagesTargetSpecs.With(OnMain, ("REGISTRY_PASSWORD", "pw-Merge-3c9d"));
            (await PipelineRun.RunAsync(setup.Builder(), root.Path, variables, "PushTestPlatforms")).Succeeded();

            // Pushed by digest only: no tag exists before the merge.
            using var http = new HttpClient();
            Assert.DoesNotContain("main", await TagsAsync(http, first.Host, setup.Name), StringComparison.Ordinal);

            var run = (await PipelineRun.RunAsync(setup.Builder(), root.Path, variables, "MergeTestImages")).Succeeded();

            var built = BuiltImages.At(root.Path)[setup.Name];
            Assert.Equal([Platform.LinuxAmd64, Platform.LinuxArm64], built.Platforms.Select(p => p.Platform));
            var pushed = PushedImages.At(root.Path).All;
            Assert.Equal([$"{first.Host}/{setup.Name}", $"{second.Host}/{setup.Name}"], pushed.Select(p => p.Repository));
            Assert.Single(pushed.Select(p => p.Digest).Distinct()); // one list, one digest, in both registries

            foreach (var registry in new[] { new RegistryAccess(first.Host, null, null), new RegistryAccess(second.Host, null, new RegistryCredentials("alice", "pw-Merge-3c9d")) })
            {
                var client = new RegistryClient(http);
                var list = await client.GetManifestAsync(registry, setup.Name, "main", TestContext.Current.CancellationToken);
                Assert.Equal("application/vnd.oci.image.index.v1+json", list.MediaType);
                Assert.Equal(pushed[0].Digest, list.Digest);
                var entries = OciManifests.Entries(list);
                Assert.Equal([Platform.LinuxAmd64, Platform.LinuxArm64], entries.Select(e => e.Platform));
                foreach (var entry in entries)
                {
                    // Each platform's manifest is there by digest, and its config says the platform it names.
                    var manifest = await client.GetManifestAsync(registry, setup.Name, entry.Digest, TestContext.Current.CancellationToken);
                    Assert.Equal(entry.Digest, manifest.Digest);
                    Assert.Equal(entry.Platform.Architecture, await ConfigArchitectureAsync(http, registry, setup.Name, manifest));
                }

                Assert.Equal(pushed[0].Digest, await client.GetDigestAsync(registry, registry.ImageFor(setup.Name, built.Tags[1]), TestContext.Current.CancellationToken));
            }

            Assert.Contains($"Merged {first.Host}/{setup.Name}@{pushed[0].Digest} (linux/amd64, linux/arm64", run.Output, StringComparison.Ordinal);
            Assert.DoesNotContain("pw-Merge-3c9d", run.Output, StringComparison.Ordinal);
        }
        finally
        {
            await TestDocker.RemoveRepositoriesAsync(setup.Name);
        }
    }

    [Fact]
    public async Task A_platform_whose_dockerfile_runs_commands_is_not_built_locally_and_the_note_says_why()
    {
        Requirements.Docker();
        using var root = new TempRoot();
        var foreign = Platform.Host == Platform.LinuxAmd64 ? Platform.LinuxArm64 : Platform.LinuxAmd64;
        var setup = MultiSetup.For(root) with { Platforms = [foreign] };
        root.Write("image/Dockerfile", "FROM scratch\nCOPY message.txt /m\nRUN [\"/m\"]\n");

        var run = await PipelineRun.RunAsync(setup.Builder(), root.Path, OnMain, "BuildMultiImage");

        Assert.Equal(1, run.ExitCode);
        Assert.Contains($"not building {foreign} here: its Dockerfile runs commands (line 3: RUN [\"/m\"]), which need emulation on this {Platform.Host} machine. CI builds them (QEMU).", run.Output, StringComparison.Ordinal);
        Assert.Contains($"none of its platforms ({foreign}) can be built on this {Platform.Host} machine without emulation", run.Output, StringComparison.Ordinal);
        Assert.DoesNotContain("docker build", run.Output, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("FROM scratch\nCOPY app /app\n", null)]
    [InlineData("FROM --platform=$BUILDPLATFORM golang AS build\nRUN go build\nFROM scratch\nCOPY --from=build /app /app\n", null)]
    [InlineData("# comment\nFROM alpine\nRUN apk add \\\n  curl\n", "line 3: RUN apk add curl")]
    [InlineData("FROM alpine\nCOPY x /x\n", null)]
    public void A_dockerfile_needs_emulation_only_where_a_stage_runs_a_command_on_the_target_platform(string dockerfile, string? expected) =>
        Assert.Equal(expected, DockerfileStages.FirstEmulatedCommand(dockerfile));

    [Fact]
    public void Platforms_read_and_print_as_docker_writes_them()
    {
        Assert.Equal(Platform.LinuxArmV7, Platform.Parse("linux/arm/v7"));
        Assert.Equal("linux-arm64", Platform.LinuxArm64.Suffix);
        Assert.Throws<FormatException>(() => Platform.Parse("Linux"));
    }

    private static readonly Dictionary<string, string> OnMain = new()
    {
        ["GITHUB_SHA"] = "5e4d3c2b1a4f3c2b1a09f8e7d6c5b4a39281706f",
        ["GITHUB_REF"] = "refs/heads/main",
        ["GITHUB_EVENT_NAME"] = "push",
    };

    private static async Task<string> TagsAsync(HttpClient http, string host, string name)
    {
        using var response = await http.GetAsync(new Uri($"http://{host}/v2/{name}/tags/list"), TestContext.Current.CancellationToken);
        return await response.Content.ReadAsStringAsync(TestContext.Current.CancellationToken);
    }

    private static async Task<string> ConfigArchitectureAsync(HttpClient http, RegistryAccess registry, string name, OciBlob manifest)
    {
        using var document = JsonDocument.Parse(manifest.Bytes);
        var config = document.RootElement.GetProperty("config").GetProperty("digest").GetString();
        using var request = new HttpRequestMessage(HttpMethod.Get, new Uri(registry.ApiBase, $"v2/{name}/blobs/{config}"));
        if (registry.Credentials is { } credentials)
        {
            request.Headers.Authorization = new("Basic", Convert.ToBase64String(System.Text.Encoding.UTF8.GetBytes($"{credentials.Username}:{credentials.Password}")));
        }

        using var response = await http.SendAsync(request, TestContext.Current.CancellationToken);
        response.EnsureSuccessStatusCode();
        using var json = JsonDocument.Parse(await response.Content.ReadAsStringAsync(TestContext.Current.CancellationToken));
        return json.RootElement.GetProperty("architecture").GetString()!;
    }
}

/// <summary>One test's multi-platform pipeline: a FROM scratch image for amd64 and arm64, and its registries.</summary>
public sealed record MultiSetup(string Name, IReadOnlyList<ContainerRegistry> Registries)
{
    public IReadOnlyList<Platform> Platforms { get; init; } = [Platform.LinuxAmd64, Platform.LinuxArm64];

    public static MultiSetup For(TempRoot root, params ContainerRegistry[] registries)
    {
        TestDocker.WriteScratchImage(root, "image", "hello from every platform");
        return new MultiSetup(TestDocker.UniqueName("multi"), registries);
    }

    public PipelineBuilder Builder() =>
        new PipelineBuilder().Add<MergeTestImages>().Provide(this).Parameters(Secrets.RegistryPassword);
}

public sealed class BuildMultiImage(MultiSetup setup) : BuildImagesTarget
{
    protected override IEnumerable<ContainerImage> Images =>
        [new ContainerImage(setup.Name, "image/Dockerfile", "image").ForPlatforms(setup.Platforms)];
}

public sealed class PushTestPlatforms(MultiSetup setup) : PushPlatformImagesTarget<BuildMultiImage>
{
    protected override IEnumerable<ContainerRegistry> Registries => setup.Registries;

    protected override Backoff Backoff => new(2, TimeSpan.FromMilliseconds(100));
}

public sealed class MergeTestImages(MultiSetup setup) : MergeImagesTarget<PushTestPlatforms>
{
    protected override IEnumerable<ContainerRegistry> Registries => setup.Registries;
}
