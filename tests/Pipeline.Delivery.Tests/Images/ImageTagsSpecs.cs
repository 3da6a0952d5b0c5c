namespace Pipeline.Delivery.Tests.Images;

public sealed class ImageTagsSpecs
{
    private const string Sha = "0123456789abcdef0123456789abcdef01234567";

    [Fact]
    public void A_branch_commit_gets_full_sha_short_sha_and_branch_and_no_latest()
    {
        var tags = ImageTags.For(new GitRevision(Sha, "main", null, null));

        Assert.Equal([Sha, "0123456", "main"], tags);
    }

    [Fact]
    public void Latest_is_added_only_when_asked_for()
    {
        var revision = new GitRevision(Sha, "main", "v2.0.1", null);

        Assert.DoesNotContain(ImageTags.Latest, ImageTags.For(revision));
        Assert.Equal(ImageTags.Latest, ImageTags.For(revision, includeLatest: true)[^1]);
    }

    [Fact]
    public void Latest_on_one_branch_is_a_policy_that_tags_that_branch_only()
    {
        var policy = LatestTag.OnBranch("main");

        Assert.Equal([Sha, "0123456", "main", ImageTags.Latest], ImageTags.For(new GitRevision(Sha, "main", null, null), policy));
        Assert.DoesNotContain(ImageTags.Latest, ImageTags.For(new GitRevision(Sha, "feature/login", null, null), policy));
        Assert.DoesNotContain(ImageTags.Latest, ImageTags.For(new GitRevision(Sha, null, "v1.0.0", null), policy)); // a release tag is not the branch
    }

    [Fact]
    public void The_latest_policies_never_and_always_say_what_they_say()
    {
        var feature = new GitRevision(Sha, "feature/login", null, null);

        Assert.DoesNotContain(ImageTags.Latest, ImageTags.For(feature, LatestTag.Never));
        Assert.Contains(ImageTags.Latest, ImageTags.For(feature, LatestTag.Always));
        Assert.Equal("latest on main", LatestTag.OnBranch("main").ToString());
        Assert.Throws<ArgumentException>(() => LatestTag.OnBranch(" "));
    }

    [Fact]
    public void A_release_tag_gives_the_version_and_its_minor_and_major_lines()
    {
        var tags = ImageTags.For(new GitRevision(Sha, null, "v1.2.3", null));

        Assert.Equal([Sha, "0123456", "1.2.3", "1.2", "1"], tags);
    }

    [Fact]
    public void A_prerelease_tag_gives_only_its_own_version()
    {
        var tags = ImageTags.For(new GitRevision(Sha, null, "v1.2.3-rc.1", null));

        Assert.Equal([Sha, "0123456", "1.2.3-rc.1"], tags);
    }

    [Fact]
    public void A_tag_that_is_not_a_release_adds_no_version()
    {
        var tags = ImageTags.For(new GitRevision(Sha, null, "nightly", null));

        Assert.Equal([Sha, "0123456"], tags);
    }

    [Fact]
    public void A_branch_called_latest_does_not_become_the_latest_tag()
    {
        Assert.DoesNotContain(ImageTags.Latest, ImageTags.For(new GitRevision(Sha, "latest", null, null)));
    }

    [Theory]
    [InlineData("main", "main")]
    [InlineData("feature/Login-Page", "feature-login-page")]
    [InlineData("dependabot/npm_and_yarn/lodash-4.17.21", "dependabot-npm_and_yarn-lodash-4.17.21")]
    [InlineData("-.hidden", "hidden")]
    [InlineData("fix #12: ümlaut", "fix--12---mlaut")]
    public void Branch_names_become_valid_tags(string branch, string tag) =>
        Assert.Equal(tag, ImageTags.SanitizeBranch(branch));

    [Fact]
    public void A_long_branch_is_cut_to_docker_s_tag_limit()
    {
        var tag = ImageTags.SanitizeBranch("feature/" + new string('x', 300));

        Assert.Equal(ImageTags.MaxLength, tag.Length);
        Assert.StartsWith("feature-xxx", tag, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("v1.2.3", 1, 2, 3, null)]
    [InlineData("v10.0.0-beta.2", 10, 0, 0, "beta.2")]
    [InlineData("v0.1.0", 0, 1, 0, null)]
    public void Release_tags_parse(string tag, int major, int minor, int patch, string? prerelease) =>
        Assert.Equal(new SemanticVersion(major, minor, patch, prerelease), SemanticVersion.FromTag(tag));

    [Theory]
    [InlineData("1.2.3")]
    [InlineData("v1.2")]
    [InlineData("v1.2.3.4")]
    [InlineData("v01.2.3")]
    [InlineData("v1.2.3-")]
    [InlineData("release-1")]
    public void Other_tags_are_not_releases(string tag) => Assert.Null(SemanticVersion.FromTag(tag));
}
