using Pipeline.Delivery.Tests.Support;
using Pipeline.TestSupport;

namespace Pipeline.Delivery.Tests.Images;

public sealed class BuildImagesTargetSpecs
{
    [Fact]
    public async Task Builds_two_images_from_one_repository_tagged_and_labelled_from_the_commit()
    {
        Requirements.Docker();
        Requirements.Tool("git");
        using var root = new TempRoot();
        Docker.WriteScratchImage(root, "services/api", "api");
        Docker.WriteScratchImage(root, "services/consumer", "consumer");
        var sha = await Shell.GitRepositoryAsync(root.Path, "main", "v1.2.3");
        await Shell.RunAsync("git", ["remote", "add", "origin", "https://github.com/acme/shop.git"], root.Path);
        var images = new TestImages(Docker.UniqueName("api"), Docker.UniqueName("consumer"));
        try
        {
            (await PipelineRun.RunAsync(new PipelineBuilder().Add<BuildTwoImages>().Service(images), root.Path, "BuildTwoImages")).Succeeded();

            var built = BuiltImages.At(root.Path).All;
            Assert.Equal([images.Api, images.Consumer], built.Select(i => i.Name));
            string[] expectedTags = [sha, sha[..7], "main", "1.2.3", "1.2", "1"];
            foreach (var image in built)
            {
                Assert.Equal(expectedTags, image.Tags);
                var repoTags = (await Docker.InspectAsync(image.ImageId, "{{join .RepoTags \",\"}}")).Split(',');
                Assert.Equal(expectedTags.Select(t => $"{image.Name}:{t}").Order(StringComparer.Ordinal), repoTags.Order(StringComparer.Ordinal));
                Assert.DoesNotContain($"{image.Name}:latest", repoTags);
                Assert.Equal(image.ImageId, await Docker.InspectAsync($"{image.Name}:{sha[..7]}", "{{.Id}}"));
                Assert.Equal(sha, await Docker.InspectAsync(image.ImageId, "{{index .Config.Labels \"org.opencontainers.image.revision\"}}"));
                Assert.Equal("https://github.com/acme/shop", await Docker.InspectAsync(image.ImageId, "{{index .Config.Labels \"org.opencontainers.image.source\"}}"));
                Assert.Equal("1.2.3", await Docker.InspectAsync(image.ImageId, "{{index .Config.Labels \"org.opencontainers.image.version\"}}"));
                var created = await Docker.InspectAsync(image.ImageId, "{{index .Config.Labels \"org.opencontainers.image.created\"}}");
                Assert.True(DateTimeOffset.TryParse(created, System.Globalization.CultureInfo.InvariantCulture, out _), created);
            }

            // The build argument reached only the image that declares it.
            Assert.Equal("spicy", await Docker.InspectAsync(images.Api + ":main", "{{index .Config.Labels \"test.flavour\"}}"));
            Assert.Equal("plain", await Docker.InspectAsync(images.Consumer + ":main", "{{index .Config.Labels \"test.flavour\"}}"));
        }
        finally
        {
            await Docker.RemoveRepositoriesAsync(images.Api, images.Consumer);
        }
    }

    [Fact]
    public async Task Tags_latest_only_when_the_target_asks_for_it_and_reads_the_commit_from_github_variables()
    {
        Requirements.Docker();
        using var root = new TempRoot();
        Docker.WriteScratchImage(root, "services/api", "api");
        const string sha = "89abcdef0123456789abcdef0123456789abcdef";
        var images = new TestImages(Docker.UniqueName("api"), null);
        try
        {
            var variables = new Dictionary<string, string> { ["GITHUB_SHA"] = sha, ["GITHUB_REF"] = "refs/heads/feature/Login" };
            (await PipelineRun.RunAsync(new PipelineBuilder().Add<BuildWithLatest>().Service(images), root.Path, variables, "BuildWithLatest")).Succeeded();

            var repoTags = (await Docker.InspectAsync(images.Api + ":latest", "{{join .RepoTags \",\"}}")).Split(',');
            Assert.Equal(
                new[] { sha, sha[..7], "feature-login", "latest" }.Select(t => $"{images.Api}:{t}").Order(StringComparer.Ordinal),
                repoTags.Order(StringComparer.Ordinal));
            Assert.Equal("", await Docker.InspectAsync(images.Api + ":latest", "{{index .Config.Labels \"org.opencontainers.image.source\"}}"));
        }
        finally
        {
            await Docker.RemoveRepositoriesAsync(images.Api);
        }
    }

    [Fact]
    public async Task A_missing_dockerfile_fails_with_the_path()
    {
        using var root = new TempRoot();
        var images = new TestImages(Docker.UniqueName("api"), null);
        var variables = new Dictionary<string, string> { ["GITHUB_SHA"] = new string('a', 40) };

        var run = await PipelineRun.RunAsync(new PipelineBuilder().Add<BuildWithLatest>().Service(images), root.Path, variables, "BuildWithLatest");

        Assert.NotEqual(0, run.ExitCode);
        Assert.Contains("no Dockerfile at services/api/Dockerfile", run.Output, StringComparison.Ordinal);
    }

    public sealed record TestImages(string Api, string? Consumer);

    public sealed class BuildTwoImages(PipelineEnvironment environment, TestImages names) : BuildImagesTarget(environment)
    {
        protected override IEnumerable<ContainerImage> Images =>
        [
            new ContainerImage(names.Api, "services/api/Dockerfile", "services/api").WithBuildArg("FLAVOUR", "spicy"),
            new ContainerImage(names.Consumer!, "services/consumer/Dockerfile", "services/consumer"),
        ];
    }

    public sealed class BuildWithLatest(PipelineEnvironment environment, TestImages names) : BuildImagesTarget(environment)
    {
        protected override bool TagLatest => true;

        protected override IEnumerable<ContainerImage> Images => [new ContainerImage(names.Api, "services/api/Dockerfile", "services/api")];
    }
}
