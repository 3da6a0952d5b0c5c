using Pipeline.Delivery.Tests.Support;

namespace Pipeline.Delivery.Tests.Images;

public sealed class GitRevisionSpecs
{
    private const string Sha = "0123456789abcdef0123456789abcdef01234567";

    [Fact]
    public void A_push_to_a_branch_reads_sha_branch_and_source_from_the_runner()
    {
        var revision = GitRevision.FromGitHubVariables(new Dictionary<string, string>
        {
            ["GITHUB_SHA"] = Sha,
            ["GITHUB_REF"] = "refs/heads/feature/login",
            ["GITHUB_REPOSITORY"] = "acme/shop",
            ["GITHUB_SERVER_URL"] = "https://github.com",
        });

        Assert.Equal(new GitRevision(Sha, "feature/login", null, "https://github.com/acme/shop"), revision);
    }

    [Fact]
    public void A_tag_push_reads_the_tag_and_its_version()
    {
        var revision = GitRevision.FromGitHubVariables(new Dictionary<string, string> { ["GITHUB_SHA"] = Sha, ["GITHUB_REF"] = "refs/tags/v1.2.3" })!;

        Assert.Equal(("v1.2.3", (string?)null), (revision.Tag, revision.Branch));
        Assert.Equal(["1.2.3", "1.2", "1"], ImageTags.For(revision).Skip(2));
    }

    [Fact]
    public void A_pull_request_takes_its_head_branch()
    {
        var revision = GitRevision.FromGitHubVariables(new Dictionary<string, string>
        {
            ["GITHUB_SHA"] = Sha,
            ["GITHUB_REF"] = "refs/pull/42/merge",
            ["GITHUB_HEAD_REF"] = "fix/typo",
        })!;

        Assert.Equal("fix-typo", ImageTags.For(revision)[2]);
    }

    [Fact]
    public void Outside_actions_there_is_no_revision_from_variables() =>
        Assert.Null(GitRevision.FromGitHubVariables(new Dictionary<string, string> { ["GITHUB_REF"] = "refs/heads/main" }));

    [Theory]
    [InlineData("git@github.com:acme/shop.git", "https://github.com/acme/shop")]
    [InlineData("https://github.com/acme/shop.git", "https://github.com/acme/shop")]
    [InlineData("https://x-access-token:abc123@github.com/acme/shop", "https://github.com/acme/shop")]
    [InlineData("/srv/git/shop", null)]
    public void Remotes_become_source_urls_without_credentials(string remote, string? source) =>
        Assert.Equal(source, GitRevisionReader.SourceUrl(remote));

    [Fact]
    public void Of_several_tags_on_a_commit_the_highest_release_wins() =>
        Assert.Equal("v1.10.0", GitRevisionReader.ReleaseTag("deployed\nv1.9.0\nv1.10.0\nv1.10.0-rc.1\n"));

    [Fact]
    public async Task Locally_the_commit_branch_tag_and_origin_come_from_git()
    {
        Requirements.Tool("git");
        using var root = new TempRoot();
        root.Write("README.md", "shop");
        var sha = await Shell.GitRepositoryAsync(root.Path, "release/1.x", "v1.2.3");
        await Shell.RunAsync("git", ["remote", "add", "origin", "git@github.com:acme/shop.git"], root.Path);

        var revision = await ReadInTargetAsync(new Dictionary<string, string>(), root.Path);

        Assert.Equal(new GitRevision(sha, "release/1.x", "v1.2.3", "https://github.com/acme/shop"), revision);
        Assert.Equal([sha, sha[..7], "release-1.x", "1.2.3", "1.2", "1"], ImageTags.For(revision));
    }

    [Fact]
    public async Task In_actions_the_runner_s_variables_win_over_the_checkout()
    {
        Requirements.Tool("git");
        using var root = new TempRoot();
        await Shell.GitRepositoryAsync(root.Path, "main");

        var revision = await ReadInTargetAsync(new Dictionary<string, string> { ["GITHUB_SHA"] = Sha, ["GITHUB_REF"] = "refs/heads/ci" }, root.Path);

        Assert.Equal((Sha, "ci"), (revision.Sha, revision.Branch));
    }

    [Fact]
    public async Task Outside_a_repository_the_error_says_what_is_missing()
    {
        Requirements.Tool("git");
        using var root = new TempRoot();

        var error = await Assert.ThrowsAsync<TargetFailedException>(
            () => ReadInTargetAsync(new Dictionary<string, string>(), root.Path));

        Assert.Contains("GITHUB_SHA is not set", error.Message, StringComparison.Ordinal);
    }

    /// <summary>Reads the revision as a target does: git runs through the target's runner.</summary>
    private static async Task<GitRevision> ReadInTargetAsync(IReadOnlyDictionary<string, string> variables, AbsolutePath repository)
    {
        GitRevision? revision = null;
        Exception? error = null;
        await TargetHarness.RunAsync(async context =>
        {
            try
            {
                revision = await GitRevisionReader.ReadAsync(context, variables, repository);
            }
            catch (Exception e)
            {
                error = e;
                throw;
            }
        });

        if (error is not null)
        {
            System.Runtime.ExceptionServices.ExceptionDispatchInfo.Throw(error);
        }

        return revision!;
    }
}
