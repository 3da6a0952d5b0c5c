using Pipeline.Delivery.Tests.Support;

namespace Pipeline.Delivery.Tests.Images;

public sealed class BuildImagesTargetSpecs
{
    [Fact]
    public async Task Builds_two_images_from_one_repository_tagged_and_labelled_from_the_commit()
    {
        Requirements.Docker();
        Requirements.Tool("git");
        using var root = new TempRoot();
        TestDocker.WriteScratchImage(root, "services/api", "api");
        TestDocker.WriteScratchImage(root, "services/consumer", "consumer");
        var sha = await Shell.GitRepositoryAsync(root.Path, "main", "v1.2.3");
        await Shell.RunAsync("git", ["remote", "add", "origin", "https://github.com/acme/shop.git"], root.Path);
        var images = new TestImages(TestDocker.UniqueName("api"), TestDocker.UniqueName("consumer"));
        try
        {
            var clock = new SkippingClock(new DateTimeOffset(2026, 2, 3, 4, 5, 6, TimeSpan.Zero));
            (await PipelineRun.RunAsync(new PipelineBuilder().Add<BuildTwoImages>().Provide(images), root.Path, new Dictionary<string, string>(), clock, "BuildTwoImages")).Succeeded();

            var built = BuiltImages.At(root.Path).All;
            Assert.Equal([images.Api, images.Consumer], built.Select(i => i.Name));
            string[] expectedTags = [sha, sha[..7], "main", "1.2.3", "1.2", "1"];
            foreach (var image in built)
            {
                Assert.Equal(expectedTags, image.Tags);
                var repoTags = (await TestDocker.InspectAsync(image.ImageId, "{{join .RepoTags \",\"}}")).Split(',');
                Assert.Equal(expectedTags.Select(t => $"{image.Name}:{t}").Order(StringComparer.Ordinal), repoTags.Order(StringComparer.Ordinal));
                Assert.DoesNotContain($"{image.Name}:latest", repoTags);
                Assert.Equal(image.ImageId, await TestDocker.InspectAsync($"{image.Name}:{sha[..7]}", "{{.Id}}"));
                Assert.Equal(sha, await TestDocker.InspectAsync(image.ImageId, "{{index .Config.Labels \"org.opencontainers.image.revision\"}}"));
                Assert.Equal("https://github.com/acme/shop", await TestDocker.InspectAsync(image.ImageId, "{{index .Config.Labels \"org.opencontainers.image.source\"}}"));
                Assert.Equal("1.2.3", await TestDocker.InspectAsync(image.ImageId, "{{index .Config.Labels \"org.opencontainers.image.version\"}}"));
                Assert.Equal("2026-02-03T04:05:06Z", await TestDocker.InspectAsync(image.ImageId, "{{index .Config.Labels \"org.opencontainers.image.created\"}}"));
            }

            // The build argument reached only the image that declares it.
            Assert.Equal("spicy", await TestDocker.InspectAsync(images.Api + ":main", "{{index .Config.Labels \"test.flavour\"}}"));
            Assert.Equal("plain", await TestDocker.InspectAsync(images.Consumer + ":main", "{{index .Config.Labels \"test.flavour\"}}"));
        }
        finally
        {
            await TestDocker.RemoveRepositoriesAsync(images.Api, images.Consumer);
        }
    }

    [Fact]
    public async Task Tags_latest_only_when_the_target_asks_for_it_and_reads_the_commit_from_github_variables()
    {
        Requirements.Docker();
        using var root = new TempRoot();
        TestDocker.WriteScratchImage(root, "services/api", "api");
        const string sha = "89abcdef0123456789abcdef0123456789abcdef";
        var images = new TestImages(TestDocker.UniqueName("api"), null);
        try
        {
            var variables = new Dictionary<string, string> { ["GITHUB_SHA"] = sha, ["GITHUB_REF"] = "refs/heads/feature/Login" };
            (await PipelineRun.RunAsync(new PipelineBuilder().Add<BuildWithLatest>().Provide(images), root.Path, variables, "BuildWithLatest")).Succeeded();

            var repoTags = (await TestDocker.InspectAsync(images.Api + ":latest", "{{join .RepoTags \",\"}}")).Split(',');
            Assert.Equal(
                new[] { sha, sha[..7], "feature-login", "latest" }.Select(t => $"{images.Api}:{t}").Order(StringComparer.Ordinal),
                repoTags.Order(StringComparer.Ordinal));
            Assert.Equal("", await TestDocker.InspectAsync(images.Api + ":latest", "{{index .Config.Labels \"org.opencontainers.image.source\"}}"));
        }
        finally
        {
            await TestDocker.RemoveRepositoriesAsync(images.Api);
        }
    }

    [Fact]
    public async Task A_static_go_binary_from_scratch_runs_under_its_commit_tag()
    {
        Requirements.Docker();
        Requirements.Tool("go");
        using var root = new TempRoot();
        root.Write("services/hello/go.mod", "module example.test/hello\n\ngo 1.19\n");
        root.Write("services/hello/main.go", """
            package main

            import "fmt"

            func main() { fmt.Println("hello from a static binary") }
            """);
        var build = await Shell.TryRunAsync(
            "/usr/bin/env", ["CGO_ENABLED=0", "GOFLAGS=-mod=mod", "GOPROXY=off", "go", "build", "-o", "hello", "."], root.Path / "services" / "hello");
        Assert.True(build.ExitCode == 0, build.StandardError);
        root.Write("services/hello/Dockerfile", $"""
            FROM scratch
            LABEL test.build={Guid.NewGuid():N}
            COPY hello /hello
            ENTRYPOINT ["/hello"]
            """);
        const string sha = "fedcba9876543210fedcba9876543210fedcba98";
        var images = new TestImages(TestDocker.UniqueName("hello"), null);
        try
        {
            var variables = new Dictionary<string, string> { ["GITHUB_SHA"] = sha, ["GITHUB_REF"] = "refs/tags/v0.3.0" };
            (await PipelineRun.RunAsync(new PipelineBuilder().Add<BuildHello>().Provide(images), root.Path, variables, "BuildHello")).Succeeded();

            Assert.Equal("hello from a static binary", await Shell.RunAsync("docker", ["run", "--rm", $"{images.Api}:{sha[..7]}"]));
            Assert.Equal("0.3.0", await TestDocker.InspectAsync($"{images.Api}:0.3", "{{index .Config.Labels \"org.opencontainers.image.version\"}}"));
        }
        finally
        {
            await TestDocker.RemoveRepositoriesAsync(images.Api);
        }
    }

    [Fact]
    public async Task A_missing_dockerfile_fails_with_the_path()
    {
        using var root = new TempRoot();
        var images = new TestImages(TestDocker.UniqueName("api"), null);
        var variables = new Dictionary<string, string> { ["GITHUB_SHA"] = new string('a', 40) };

        var run = await PipelineRun.RunAsync(new PipelineBuilder().Add<BuildWithLatest>().Provide(images), root.Path, variables, "BuildWithLatest");

        Assert.NotEqual(0, run.ExitCode);
        Assert.Contains("no Dockerfile at services/api/Dockerfile", run.Output, StringComparison.Ordinal);
    }

    public sealed record TestImages(string Api, string? Consumer);

    public sealed class BuildTwoImages(TestImages names) : BuildImagesTarget
    {
        protected override IEnumerable<ContainerImage> Images =>
        [
            new ContainerImage(names.Api, "services/api/Dockerfile", "services/api").WithBuildArg("FLAVOUR", "spicy"),
            new ContainerImage(names.Consumer!, "services/consumer/Dockerfile", "services/consumer"),
        ];
    }

    public sealed class BuildHello(TestImages names) : BuildImagesTarget
    {
        protected override IEnumerable<ContainerImage> Images => [new ContainerImage(names.Api, "services/hello/Dockerfile", "services/hello")];
    }

    public sealed class BuildWithLatest(TestImages names) : BuildImagesTarget
    {
        protected override bool TagLatest => true;

        protected override IEnumerable<ContainerImage> Images => [new ContainerImage(names.Api, "services/api/Dockerfile", "services/api")];
    }
}
