using Pipeline.Tests.Support;

namespace Pipeline.Tests.Execution;

/// <summary>The GitHub run's facts and the clock, read once per run and handed to every target through its context.</summary>
public sealed class RunFactsSpecs
{
    private static readonly Dictionary<string, string> Push = new()
    {
        ["GITHUB_ACTIONS"] = "true",
        ["GITHUB_EVENT_NAME"] = "push",
        ["GITHUB_REF"] = "refs/heads/main",
        ["GITHUB_SHA"] = "4f3c2b1a09f8e7d6c5b4a39281706f5e4d3c2b1a",
        ["GITHUB_REPOSITORY"] = "acme/shop",
        ["GITHUB_ACTOR"] = "octocat",
        ["GITHUB_WORKFLOW"] = "Delivery",
        ["GITHUB_JOB"] = "push",
        ["GITHUB_RUN_ID"] = "42",
        ["GITHUB_RUN_ATTEMPT"] = "2",
        ["GITHUB_SERVER_URL"] = "https://ghe.acme.test",
        ["GITHUB_API_URL"] = "https://ghe.acme.test/api/v3",
    };

    [Fact]
    public void The_runner_s_variables_become_typed_facts()
    {
        var run = GitHubRun.From(Push);

        Assert.True(run.IsActions);
        Assert.Equal(("push", "refs/heads/main", "main", (string?)null), (run.EventName, run.Ref, run.Branch, run.Tag));
        Assert.Equal(("acme/shop", "acme", "shop"), (run.Repository, run.RepositoryOwner, run.RepositoryName));
        Assert.Equal(("octocat", "Delivery", "push", "42", 2), (run.Actor, run.Workflow, run.Job, run.RunId, run.RunAttempt));
        Assert.Equal(new Uri("https://ghe.acme.test/api/v3/"), run.ApiUrl);
        Assert.Equal(new Uri("https://ghe.acme.test/acme/shop"), run.RepositoryUrl);
        Assert.Equal(new Uri("https://ghe.acme.test/acme/shop/actions/runs/42"), run.RunUrl);
        Assert.Null(run.PullRequestNumber);
    }

    [Fact]
    public void Locally_nothing_is_known_and_the_public_addresses_are_the_defaults()
    {
        var run = GitHubRun.From(new Dictionary<string, string> { ["GITHUB_REPOSITORY"] = "", ["PATH"] = "/usr/bin" });

        Assert.Equal(GitHubRun.None, run);
        Assert.False(run.IsActions);
        Assert.Null(run.Sha);
        Assert.Null(run.RunUrl);
        Assert.Equal(new Uri("https://api.github.com/"), run.ApiUrl);
    }

    [Fact]
    public void A_pull_request_s_number_comes_from_the_payload_before_the_ref_and_its_branch_is_the_head()
    {
        using var directory = new TempRoot(asPipelineRoot: false);
        var payload = directory.Write("event.json", """{ "pull_request": { "number": 42 } }""");
        var variables = new Dictionary<string, string>(Push)
        {
            ["GITHUB_EVENT_NAME"] = "pull_request",
            ["GITHUB_REF"] = "refs/pull/41/merge",
            ["GITHUB_HEAD_REF"] = "fix/typo",
            ["GITHUB_BASE_REF"] = "main",
        };

        Assert.Equal(41, GitHubRun.From(variables).PullRequestNumber);
        variables["GITHUB_EVENT_PATH"] = payload;
        var run = GitHubRun.From(variables);

        Assert.Equal(42, run.PullRequestNumber);
        Assert.Equal(("fix/typo", "main", "fix/typo"), (run.Branch, run.BaseRef, run.HeadRef));
    }

    [Theory]
    [InlineData("refs/tags/v1.2.3", null, "v1.2.3")]
    [InlineData("refs/heads/release/1.x", "release/1.x", null)]
    [InlineData("refs/pull/7/merge", null, null)]
    public void The_ref_names_a_branch_or_a_tag(string gitRef, string? branch, string? tag)
    {
        var run = GitHubRun.From(new Dictionary<string, string> { ["GITHUB_REF"] = gitRef });

        Assert.Equal((branch, tag), (run.Branch, run.Tag));
    }

    [Fact]
    public async Task Every_target_gets_the_run_s_facts_and_the_environment_s_clock()
    {
        var now = new DateTimeOffset(2026, 3, 1, 12, 0, 0, TimeSpan.Zero);
        var seen = new List<(GitHubRun GitHub, DateTimeOffset Now)>();
        var script = new Script()
            .Target<A>(action: context =>
            {
                seen.Add((context.GitHub, context.Clock.GetUtcNow()));
                return Task.CompletedTask;
            })
            .Target<B>(t => t.DependsOn<A>(), context =>
            {
                seen.Add((context.GitHub, context.Clock.GetUtcNow()));
                return Task.CompletedTask;
            });
        using var root = new TempRoot();
        var environment = new PipelineEnvironment(root.Path, Push, TextWriter.Null, TextWriter.Null, ProcessorCount: 2, UseColor: false)
        {
            Clock = new StoppedClock(now),
        };

        var exitCode = await script.Builder().RunAsync(["B"], environment, TestContext.Current.CancellationToken);

        Assert.Equal(0, exitCode);
        Assert.Equal(2, seen.Count);
        Assert.All(seen, s => Assert.Equal((GitHubRun.From(Push), now), s));
        Assert.Same(seen[0].GitHub, seen[1].GitHub); // read once for the run, not once per target
    }

    private sealed class StoppedClock(DateTimeOffset now) : TimeProvider
    {
        public override DateTimeOffset GetUtcNow() => now;
    }
}
