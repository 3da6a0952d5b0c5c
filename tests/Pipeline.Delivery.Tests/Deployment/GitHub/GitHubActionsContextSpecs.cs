namespace Pipeline.Delivery.Tests.Deployment.GitHub;

public sealed class GitHubActionsContextSpecs
{
    [Fact]
    public void Reads_the_repository_commit_api_and_run_page_from_the_default_variables()
    {
        var context = GitHubActionsContext.From(new Dictionary<string, string>
        {
            ["GITHUB_ACTIONS"] = "true",
            ["GITHUB_REPOSITORY"] = "acme/shop",
            ["GITHUB_SHA"] = "3f2a1bc",
            ["GITHUB_API_URL"] = "https://ghe.acme.test/api/v3",
            ["GITHUB_SERVER_URL"] = "https://ghe.acme.test",
            ["GITHUB_RUN_ID"] = "42",
        });

        Assert.Equal(
            new GitHubActionsContext("acme", "shop", "3f2a1bc", new Uri("https://ghe.acme.test/api/v3"), new Uri("https://ghe.acme.test/acme/shop/actions/runs/42")),
            context);
    }

    [Theory]
    [InlineData("false", "acme/shop")]
    [InlineData("true", "shop")]
    public void Is_null_outside_github_actions_or_without_a_repository(string actions, string repository) =>
        Assert.Null(GitHubActionsContext.From(new Dictionary<string, string>
        {
            ["GITHUB_ACTIONS"] = actions,
            ["GITHUB_REPOSITORY"] = repository,
            ["GITHUB_SHA"] = "3f2a1bc",
        }));
}
