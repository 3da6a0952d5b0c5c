using Pipeline.Tests.Support;

namespace Pipeline.Tests.Conditions;

/// <summary>Branch conditions see the checked-out branch when the pipeline's root is a subfolder of the checkout (issue 13).</summary>
public sealed class CheckoutBranchSpecs
{
    [Fact]
    public async Task A_pipeline_root_in_a_subfolder_reads_the_branch_of_the_enclosing_repository()
    {
        using var root = new TempRoot();
        await GitAsync(root.Path, "init", "-q", "-b", "feature/sub");
        var pipeline = root.Path / "tools" / "build";
        Directory.CreateDirectory(pipeline);

        var facts = ConditionFacts.From(GitHubRun.None, pipeline);

        Assert.Equal("refs/heads/feature/sub", facts.Ref);
        Assert.True(Condition.OnBranch("feature/sub").Evaluate(facts));
    }

    [Fact]
    public async Task A_pipeline_root_in_a_subfolder_of_a_git_worktree_reads_the_worktree_branch()
    {
        using var root = new TempRoot();
        var main = root.Path / "main";
        Directory.CreateDirectory(main);
        await GitAsync(main, "init", "-q", "-b", "main");
        await GitAsync(main, "-c", "user.name=t", "-c", "user.email=t@example.invalid", "commit", "-q", "--allow-empty", "-m", "first");
        await GitAsync(main, "worktree", "add", "-q", "-b", "side", (root.Path / "side").ToString());
        var pipeline = root.Path / "side" / "build";
        Directory.CreateDirectory(pipeline);

        Assert.Equal("refs/heads/side", ConditionFacts.From(GitHubRun.None, pipeline).Ref); // .git is a file there
        Assert.Equal("refs/heads/main", ConditionFacts.From(GitHubRun.None, main).Ref);
    }

    private static async Task GitAsync(AbsolutePath directory, params string[] arguments)
    {
        var result = await Repo.RunAsync("git", arguments, directory);
        Assert.True(result.ExitCode == 0, $"git {string.Join(' ', arguments)}: {result.StandardError}");
    }
}
