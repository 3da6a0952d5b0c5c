using Pipeline.Delivery.Tests.Support;

namespace Pipeline.Delivery.Tests.Images;

/// <summary>The typed tag policy of a build: the GitOps seed's commit-hash tags, and its "never latest" as one line.</summary>
public sealed class ImageTagPolicySpecs
{
    private const string Sha = "0123456789abcdef0123456789abcdef01234567";

    [Fact]
    public void Commit_hash_only_tags_the_full_sha_and_its_first_eight_characters_and_nothing_that_moves()
    {
        var tags = ImageTagPolicy.CommitHashOnly.TagsFor(new GitRevision(Sha, "main", "v1.2.3", null));

        Assert.Equal([Sha, "01234567"], tags);
    }

    [Fact]
    public void The_default_policy_tags_as_before()
    {
        var revision = new GitRevision(Sha, "main", "v1.2.3", null);

        Assert.Equal(ImageTags.For(revision, includeLatest: true), ImageTagPolicy.Default.TagsFor(revision, includeLatest: true));
    }

    [Fact]
    public void Commit_hash_only_refuses_latest()
    {
        var error = Assert.Throws<DefinitionException>(() => ImageTagPolicy.CommitHashOnly.TagsFor(new GitRevision(Sha, "main", null, null), includeLatest: true));

        Assert.Contains("forbids", error.Message, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("--plan")]
    [InlineData("--generate")]
    public async Task A_build_that_asks_for_latest_under_a_policy_forbidding_it_stops_planning_and_generation(string command)
    {
        using var root = new TempRoot();

        var run = await PipelineRun.RunAsync(new PipelineBuilder().Add<PinnedBuildAskingForLatest>(), root.Path, "PinnedBuildAskingForLatest", command);

        Assert.Equal(ExitCodes.Definition, run.ExitCode);
        Assert.Contains("PinnedBuildAskingForLatest tags its images 'latest', but its tag policy forbids it", run.Output, StringComparison.Ordinal);
        Assert.DoesNotContain("   at ", run.Output, StringComparison.Ordinal);
    }

    public sealed class PinnedBuildAskingForLatest : BuildImagesTarget
    {
        protected override IEnumerable<ContainerImage> Images => [new ContainerImage("api")];

        protected override ImageTagPolicy TagPolicy => ImageTagPolicy.CommitHashOnly;

        protected override bool TagLatest => true;
    }
}
