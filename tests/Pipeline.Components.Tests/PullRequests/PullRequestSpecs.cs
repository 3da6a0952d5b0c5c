using Pipeline.Components.PullRequests;

namespace Pipeline.Components.Tests.PullRequests;

public sealed class PullRequestSpecs
{
    [Fact]
    public void The_number_comes_from_the_event_payload_before_the_ref()
    {
        using var directory = new TempRoot(asPipelineRoot: false);
        var payload = directory.Write("event.json", """{ "pull_request": { "number": 42 } }""");

        var pullRequest = PullRequest.Detect(GitHubRun.From(new Dictionary<string, string>
        {
            ["GITHUB_ACTIONS"] = "true",
            ["GITHUB_REPOSITORY"] = "octo/calc",
            ["GITHUB_EVENT_PATH"] = payload,
            ["GITHUB_REF"] = "refs/pull/41/merge",
        }));

        Assert.Equal(new PullRequest("octo", "calc", 42, new Uri("https://api.github.com/")), pullRequest);
    }

    [Fact]
    public void Without_a_payload_the_ref_names_the_pull_request_and_the_api_url_is_read()
    {
        var pullRequest = PullRequest.Detect(GitHubRun.From(new Dictionary<string, string>
        {
            ["GITHUB_ACTIONS"] = "true",
            ["GITHUB_REPOSITORY"] = "octo/calc",
            ["GITHUB_REF"] = "refs/pull/41/merge",
            ["GITHUB_API_URL"] = "https://ghe.example/api/v3",
        }));

        Assert.Equal(new PullRequest("octo", "calc", 41, new Uri("https://ghe.example/api/v3/")), pullRequest);
    }

    [Theory]
    [InlineData("true", "refs/heads/main")]
    [InlineData("", "refs/pull/41/merge")]
    public void A_push_or_a_local_run_is_no_pull_request(string actions, string gitRef) =>
        Assert.Null(PullRequest.Detect(GitHubRun.From(new Dictionary<string, string>
        {
            ["GITHUB_ACTIONS"] = actions,
            ["GITHUB_REPOSITORY"] = "octo/calc",
            ["GITHUB_REF"] = gitRef,
        })));
}
