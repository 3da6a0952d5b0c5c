using System.Security.Cryptography;
using System.Text.RegularExpressions;
using Pipeline.Delivery.ImageSize;
using Pipeline.Delivery.Tests.Support;
using Pipeline.GitHubActions;

namespace Pipeline.Delivery.Tests.Images;

/// <summary>
/// Two image builds in one pipeline: each keeps its own record and saved images, a consumer reads both,
/// and in a generated workflow each build job uploads its own artifact and the consumer downloads both.
/// </summary>
public sealed class SeveralImageBuildsSpecs
{
    private static readonly Dictionary<string, string> Commit = new() { ["GITHUB_SHA"] = new string('d', 40), ["GITHUB_REF"] = "refs/heads/main" };

    [Fact]
    public async Task Each_build_records_and_saves_its_own_images_and_a_check_after_both_measures_every_one()
    {
        Requirements.Docker();
        using var root = new TempRoot();
        var names = WriteImages(root);
        var actions = new Dictionary<string, string>(Commit) { ["GITHUB_ACTIONS"] = "true", ["GITHUB_STEP_SUMMARY"] = root.Path / "summary.md" };
        try
        {
            var builder = new PipelineBuilder().Add<BuildFirst>().Add<BuildSecond>().Add<CheckBoth>().Provide(names);

            // Under GitHub Actions each build saves its images, as its job would for a later one.
            (await PipelineRun.RunAsync(builder, root.Path, actions, "BuildFirst", "BuildSecond")).Succeeded();

            var first = BuiltImages.Of<BuildFirst>(root.Path).All.Single();
            var second = BuiltImages.Of<BuildSecond>(root.Path).All.Single();
            Assert.Equal([names.First, names.Second], [first.Name, second.Name]);
            Assert.Equal(root.Path / ".nuke" / "temp" / "images" / "build-first" / "built.json", BuiltImages.Of<BuildFirst>(root.Path).FilePath);
            Assert.StartsWith(".nuke/temp/images/build-first/", first.Archive, StringComparison.Ordinal);
            Assert.StartsWith(".nuke/temp/images/build-second/", second.Archive, StringComparison.Ordinal);
            Assert.True(File.Exists(root.Path / first.Archive!) && File.Exists(root.Path / second.Archive!));
            Assert.Equal([names.First, names.Second], BuiltImages.At(root.Path).All.Select(i => i.Name).Order(StringComparer.Ordinal));

            // The check's job starts with an empty engine: it loads both builds' images from their archives.
            await TestDocker.RemoveRepositoriesAsync(names.First, names.Second);
            var check = (await PipelineRun.RunAsync(builder, root.Path, actions, "CheckBoth", "--skip", "BuildFirst", "BuildSecond")).Succeeded();

            Assert.Matches($@"{names.First} +[0-9.]+ MB +5 MB +\d+ % +ok", check.Output);
            Assert.Matches($@"{names.Second} +[0-9.]+ MB +5 MB +\d+ % +ok", check.Output);
        }
        finally
        {
            await TestDocker.RemoveRepositoriesAsync(names.First, names.Second);
        }
    }

    [Theory]
    [InlineData("--plan")]
    [InlineData("--generate")]
    public async Task Two_builds_of_one_image_stop_planning_and_generation_with_one_line_naming_both(string command)
    {
        using var root = new TempRoot();
        var names = new ImageNames("pipeline-test-same", "pipeline-test-other");

        var run = await PipelineRun.RunAsync(new PipelineBuilder().Add<BuildFirst>().Add<BuildFirstAgain>().Provide(names), root.Path, "BuildFirst", command);

        Assert.Equal(ExitCodes.Definition, run.ExitCode);
        Assert.Contains("BuildFirst and BuildFirstAgain both make the container image 'pipeline-test-same'; only one target may: keep it in one of them.", run.Output, StringComparison.Ordinal);
        Assert.DoesNotContain("   at ", run.Output, StringComparison.Ordinal);
    }

    [Fact]
    public void Every_record_is_read_and_an_image_two_records_name_comes_from_the_newer()
    {
        using var root = new TempRoot();
        var revision = new GitRevision(new string('e', 40), "main", null, null);

        var none = Assert.Throws<TargetFailedException>(() => BuiltImages.At(root.Path).All);
        Assert.Contains("run a BuildImagesTarget first", none.Message, StringComparison.Ordinal);

        BuiltImages.Of<BuildFirst>(root.Path).Record([new BuiltImage("api", "sha256:old", ["eeeeeee"], revision)]);
        BuiltImages.Of<BuildSecond>(root.Path).Record([new BuiltImage("worker", "sha256:worker", ["eeeeeee"], revision)]);
        BuiltImages.At(root.Path).Record([new BuiltImage("tool", "sha256:tool", ["eeeeeee"], revision)]); // recorded by hand
        Assert.Equal(["api", "tool", "worker"], BuiltImages.At(root.Path).All.Select(i => i.Name).Order(StringComparer.Ordinal));
        Assert.Equal(["worker"], BuiltImages.Of<BuildSecond>(root.Path).All.Select(i => i.Name));

        // api moved from BuildFirst to BuildSecond, whose newer record wins over the one BuildFirst left.
        var moved = BuiltImages.Of<BuildSecond>(root.Path);
        moved.Record([new BuiltImage("worker", "sha256:worker", ["eeeeeee"], revision), new BuiltImage("api", "sha256:new", ["eeeeeee"], revision)]);
        File.SetLastWriteTimeUtc(BuiltImages.Of<BuildFirst>(root.Path).FilePath, DateTime.UtcNow.AddMinutes(-5));
        Assert.Equal("sha256:new", BuiltImages.At(root.Path)["api"].ImageId);
        Assert.Equal(3, BuiltImages.At(root.Path).All.Count);
    }

    [Fact]
    public async Task In_a_workflow_each_build_job_uploads_its_own_artifact_and_the_check_job_downloads_both()
    {
        using var root = new TempRoot();
        var builder = new PipelineBuilder().Add<BuildFirst>().Add<BuildSecond>().Add<CheckBoth>()
            .Provide(new ImageNames("first", "second")).Workflows(w => w.Add<BothBuilds>());

        (await PipelineRun.RunAsync(builder, root.Path, "--generate")).Succeeded();

        var file = Directory.GetFiles(root.Path / ".github" / "workflows").Single();
        var yaml = await File.ReadAllTextAsync(file, TestContext.Current.CancellationToken);
        var first = Job(yaml, "build-first");
        var second = Job(yaml, "build-second");
        var check = Job(yaml, "check-both");
        Assert.Contains("name: container-images-build-first\n          path: .nuke/temp/images/build-first\n", first, StringComparison.Ordinal);
        Assert.Contains("name: container-images-build-second\n          path: .nuke/temp/images/build-second\n", second, StringComparison.Ordinal);
        Assert.DoesNotContain("needs:", first, StringComparison.Ordinal); // side by side
        Assert.DoesNotContain("needs:", second, StringComparison.Ordinal);
        Assert.Contains("    needs: [build-first, build-second]\n", check, StringComparison.Ordinal);
        Assert.Contains("      - name: Download container-images-build-first\n", check, StringComparison.Ordinal);
        Assert.Contains("name: container-images-build-first\n          path: .nuke/temp/images/build-first\n", check, StringComparison.Ordinal);
        Assert.Contains("name: container-images-build-second\n          path: .nuke/temp/images/build-second\n", check, StringComparison.Ordinal);
        await WorkflowLint.AssertCleanAsync(yaml, Path.GetFileName(file));
    }

    [Fact]
    public async Task A_consumer_that_waits_for_only_one_build_fails_generation_naming_the_other()
    {
        using var root = new TempRoot();
        var builder = new PipelineBuilder().Add<BuildFirst>().Add<BuildSecond>().Add<CheckFirst>()
            .Provide(new ImageNames("first", "second")).Workflows(w => w.Add<OneBuildChecked>());

        var run = await PipelineRun.RunAsync(builder, root.Path, "--generate");

        Assert.NotEqual(0, run.ExitCode);
        Assert.Contains("CheckFirst consumes the artifact container-images, but BuildSecond, which produces its member container-images-build-second, " +
            "runs in no job that CheckFirst waits for. Make CheckFirst depend on BuildSecond.", run.Output, StringComparison.Ordinal);
    }

    /// <summary>Two FROM scratch images of random content: 1 MB and 2 MB.</summary>
    private static ImageNames WriteImages(TempRoot root)
    {
        var names = new ImageNames(TestDocker.UniqueName("first"), TestDocker.UniqueName("second"));
        foreach (var (directory, bytes) in new[] { ("first", 1_000_000), ("second", 2_000_000) })
        {
            root.Write($"{directory}/Dockerfile", "FROM scratch\nCOPY blob /blob\n");
            File.WriteAllBytes(root.Path / directory / "blob", RandomNumberGenerator.GetBytes(bytes));
        }

        return names;
    }

    private static string Job(string yaml, string id)
    {
        var start = yaml.IndexOf($"\n  {id}:\n", StringComparison.Ordinal);
        Assert.True(start >= 0, yaml);
        var next = Regex.Match(yaml[(start + 1)..], "\n  [a-z0-9-]+:\n");
        return next.Success ? yaml.Substring(start, next.Index + 1) : yaml[start..];
    }

    public sealed record ImageNames(string First, string Second);

    public sealed class BuildFirst(ImageNames names) : BuildImagesTarget
    {
        protected override IEnumerable<ContainerImage> Images => [new(names.First, "first/Dockerfile", "first")];
    }

    public sealed class BuildSecond(ImageNames names) : BuildImagesTarget
    {
        protected override IEnumerable<ContainerImage> Images => [new(names.Second, "second/Dockerfile", "second")];
    }

    public sealed class BuildFirstAgain(ImageNames names) : BuildImagesTarget
    {
        protected override IEnumerable<ContainerImage> Images => [new(names.First, "first/Dockerfile", "first")];
    }

    public sealed class CheckBoth(ImageNames names) : ImageSizeCheckTarget<BuildFirst>
    {
        protected override IEnumerable<ImageSizeBudget> Budgets => [ImageSizeBudget.Of(names.First, 5.MB()), ImageSizeBudget.Of(names.Second, 5.MB())];

        protected override void Extend(TargetSpec target) => target.DependsOn<BuildSecond>();
    }

    public sealed class CheckFirst(ImageNames names) : ImageSizeCheckTarget<BuildFirst>
    {
        protected override IEnumerable<ImageSizeBudget> Budgets => [ImageSizeBudget.Of(names.First, 5.MB())];
    }

    public sealed class BothBuilds : Workflow
    {
        protected override void Configure(WorkflowSpec workflow) => workflow.OnPush(branches: ["main"]).Job<BuildFirst>().Job<BuildSecond>().Job<CheckBoth>();
    }

    public sealed class OneBuildChecked : Workflow
    {
        protected override void Configure(WorkflowSpec workflow) => workflow.OnPush(branches: ["main"]).Job<BuildFirst>().Job<BuildSecond>().Job<CheckFirst>();
    }
}
