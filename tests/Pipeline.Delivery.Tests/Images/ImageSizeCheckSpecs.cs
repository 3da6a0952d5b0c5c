using System.Security.Cryptography;
using System.Text.RegularExpressions;
using Pipeline.Delivery.ImageSize;
using Pipeline.Delivery.Tests.Support;

namespace Pipeline.Delivery.Tests.Images;

/// <summary>
/// The size check over real images built FROM scratch: a "small" one holding 3 MB of random bytes and a
/// "large" one holding 6 MB, measured by the engine and compared with budgets above and below them.
/// </summary>
public sealed partial class ImageSizeCheckSpecs
{
    private static readonly Dictionary<string, string> Commit = new() { ["GITHUB_SHA"] = new string('c', 40), ["GITHUB_REF"] = "refs/heads/main" };

    [Fact]
    public async Task Images_within_their_budgets_pass_and_one_over_fails_with_one_line_naming_it_its_size_and_budget()
    {
        Requirements.Docker();
        using var root = new TempRoot();
        var images = WriteImages(root);
        try
        {
            var builder = new PipelineBuilder().Add<BuildSizedImages>().Add<RoomyCheck>().Add<TightCheck>().Add<StrayCheck>().Provide(images);

            var roomy = (await PipelineRun.RunAsync(builder, root.Path, Commit, "RoomyCheck")).Succeeded();
            Assert.Matches($@"{images.Small} +3 MB +5 MB +60 % +ok", roomy.Output);
            Assert.Matches($@"{images.Large} +6 MB +10 MB +60 % +ok", roomy.Output);

            var tight = await PipelineRun.RunAsync(builder, root.Path, Commit, "TightCheck", "--skip", "BuildSizedImages");
            Assert.Equal(1, tight.ExitCode);
            Assert.Matches($@"{images.Large} +6 MB +5 MB +120 % +over budget", tight.Output);
            Assert.Contains($"{images.Large} is 6 MB, over its budget of 5 MB", tight.Output, StringComparison.Ordinal);
            Assert.All(OverBudgetLine().Matches(tight.Output), m => Assert.Equal(images.Large, m.Groups["image"].Value)); // the small one fits
            Assert.DoesNotContain("   at ", tight.Output, StringComparison.Ordinal);

            var stray = await PipelineRun.RunAsync(builder, root.Path, Commit, "StrayCheck", "--skip", "BuildSizedImages");
            Assert.Equal(1, stray.ExitCode);
            Assert.Contains($"StrayCheck has a budget for 'pipeline-test-gone', which no image build made (built: {images.Small}, {images.Large})", stray.Output, StringComparison.Ordinal);
        }
        finally
        {
            await TestDocker.RemoveRepositoriesAsync(images.Small, images.Large);
        }
    }

    [Fact]
    public async Task In_a_job_of_its_own_it_loads_the_images_the_build_saved_and_writes_the_table_to_the_step_summary()
    {
        Requirements.Docker();
        using var root = new TempRoot();
        var images = WriteImages(root);
        var summary = root.Path / "summary.md";
        var actions = new Dictionary<string, string>(Commit) { ["GITHUB_ACTIONS"] = "true", ["GITHUB_STEP_SUMMARY"] = summary };
        try
        {
            var builder = new PipelineBuilder().Add<BuildSizedImages>().Add<RoomyCheck>().Provide(images);
            (await PipelineRun.RunAsync(builder, root.Path, actions, "BuildSizedImages")).Succeeded();
            await TestDocker.RemoveRepositoriesAsync(images.Small, images.Large); // the size check's job starts with an empty engine

            var check = (await PipelineRun.RunAsync(builder, root.Path, actions, "RoomyCheck", "--skip", "BuildSizedImages")).Succeeded();

            Assert.Contains($"{images.Large}:{Commit["GITHUB_SHA"]} is not in this Docker engine: loading it from", check.Output, StringComparison.Ordinal);
            var markdown = await File.ReadAllTextAsync(summary, TestContext.Current.CancellationToken);
            Assert.Contains("| Image | Size | Budget | Used | |", markdown, StringComparison.Ordinal);
            Assert.Contains($"| {images.Small} | 3 MB | 5 MB | 60 % | ok |", markdown, StringComparison.Ordinal);
            Assert.Contains($"| {images.Large} | 6 MB | 10 MB | 60 % | ok |", markdown, StringComparison.Ordinal);
        }
        finally
        {
            await TestDocker.RemoveRepositoriesAsync(images.Small, images.Large);
        }
    }

    [Fact]
    public async Task Each_platform_of_a_multi_platform_image_is_measured_against_the_images_budget()
    {
        Requirements.Docker();
        using var root = new TempRoot();
        var images = WriteImages(root);
        try
        {
            var builder = new PipelineBuilder().Add<BuildTwoPlatforms>().Add<PlatformsCheck>().Provide(images);

            var run = await PipelineRun.RunAsync(builder, root.Path, Commit, "PlatformsCheck");

            Assert.Equal(1, run.ExitCode);
            Assert.Matches($@"{images.Large} \(linux/amd64\) +6 MB +5 MB +120 % +over budget", run.Output);
            Assert.Matches($@"{images.Large} \(linux/arm64\) +6 MB +5 MB +120 % +over budget", run.Output);
            Assert.Contains($"{images.Large} (linux/amd64) is 6 MB, over its budget of 5 MB; {images.Large} (linux/arm64) is 6 MB, over its budget of 5 MB", run.Output, StringComparison.Ordinal);
        }
        finally
        {
            await TestDocker.RemoveRepositoriesAsync(images.Small, images.Large);
        }
    }

    [Fact]
    public void Sizes_read_in_the_units_docker_lists_them_in()
    {
        Assert.Equal(200_000_000, 200.MB().Bytes);
        Assert.Equal(1_500_000_000, 1.5.GB().Bytes);
        Assert.Equal("812 B", 812L.Bytes().ToString());
        Assert.Equal("4.1 kB", 4_100L.Bytes().ToString());
        Assert.Equal("187.3 MB", 187_260_000L.Bytes().ToString());
        Assert.Equal("1.2 GB", 1_200_000_000L.Bytes().ToString());
        Assert.True(201.MB() > 200.MB());
        Assert.True(200.MB() <= 200_000_000L.Bytes());
    }

    [Theory]
    [InlineData("ghcr.io/acme/api", "names a registry, tag or digest")]
    [InlineData("api:1.0", "names a registry, tag or digest")]
    public void A_budget_names_the_image_as_it_is_built(string image, string message)
    {
        var refused = Assert.Throws<ArgumentException>(() => ImageSizeBudget.Of(image, 200.MB()));

        Assert.Contains(message, refused.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void A_budget_of_nothing_is_refused()
    {
        var refused = Assert.Throws<ArgumentOutOfRangeException>(() => ImageSizeBudget.Of("api", 0L.Bytes()));

        Assert.Contains("no image fits", refused.Message, StringComparison.Ordinal);
        Assert.Equal(new ContainerImage("api").Name, ImageSizeBudget.Of(new ContainerImage("api"), 1.MB()).Image);
    }

    /// <summary>Two FROM scratch images of random (so incompressible, and never cached) content: 3 MB and 6 MB.</summary>
    private static SizedImages WriteImages(TempRoot root)
    {
        var images = new SizedImages(TestDocker.UniqueName("small"), TestDocker.UniqueName("large"));
        foreach (var (directory, bytes) in new[] { ("small", 3_000_000), ("large", 6_000_000) })
        {
            root.Write($"{directory}/Dockerfile", "FROM scratch\nCOPY blob /blob\n");
            File.WriteAllBytes(root.Path / directory / "blob", RandomNumberGenerator.GetBytes(bytes));
        }

        return images;
    }

    [GeneratedRegex("(?<image>[a-z0-9-]+) is [0-9.]+ [kMG]?B, over its budget")]
    private static partial Regex OverBudgetLine();

    public sealed record SizedImages(string Small, string Large);

    public sealed class BuildSizedImages(SizedImages names) : BuildImagesTarget
    {
        protected override IEnumerable<ContainerImage> Images => [new(names.Small, "small/Dockerfile", "small"), new(names.Large, "large/Dockerfile", "large")];
    }

    public sealed class BuildTwoPlatforms(SizedImages names) : BuildImagesTarget
    {
        protected override IEnumerable<ContainerImage> Images =>
            [new ContainerImage(names.Large, "large/Dockerfile", "large").ForPlatforms(Platform.LinuxAmd64, Platform.LinuxArm64)];
    }

    public sealed class PlatformsCheck(SizedImages names) : ImageSizeCheckTarget<BuildTwoPlatforms>
    {
        protected override IEnumerable<ImageSizeBudget> Budgets => [ImageSizeBudget.Of(names.Large, 5.MB())];
    }

    public sealed class RoomyCheck(SizedImages names) : ImageSizeCheckTarget<BuildSizedImages>
    {
        protected override IEnumerable<ImageSizeBudget> Budgets => [ImageSizeBudget.Of(names.Small, 5.MB()), ImageSizeBudget.Of(names.Large, 10.MB())];
    }

    public sealed class TightCheck(SizedImages names) : ImageSizeCheckTarget<BuildSizedImages>
    {
        protected override IEnumerable<ImageSizeBudget> Budgets => [ImageSizeBudget.Of(names.Small, 5.MB()), ImageSizeBudget.Of(names.Large, 5.MB())];
    }

    public sealed class StrayCheck(SizedImages names) : ImageSizeCheckTarget<BuildSizedImages>
    {
        protected override IEnumerable<ImageSizeBudget> Budgets => [ImageSizeBudget.Of(names.Small, 5.MB()), ImageSizeBudget.Of("pipeline-test-gone", 5.MB())];
    }
}
