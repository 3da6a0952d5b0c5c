using Pipeline.Components.Coverage;
using Pipeline.Components.Tests.Coverage;
using Pipeline.Components.Tests.Support;

namespace Pipeline.Components.Tests.PullRequests;

public sealed class CoverageCommentSpecs
{
    private const string Token = "ghs_fakeToken0123456789abcdef";

    [Fact]
    public async Task On_a_pull_request_the_first_run_creates_one_comment_and_the_second_updates_it()
    {
        Requirements.Tool("go");
        using var github = new FakeGitHub(Token);
        github.AddComment(7, "Looks good to me"); // someone else's comment stays as it is
        using var root = new TempRoot();
        ToolProjects.GoModule(root, "calc", withFailingTest: false);
        CoveragePipeline.AddToolManifest(root);
        var payload = root.Write("event.json", """{ "action": "synchronize", "number": 7, "pull_request": { "number": 7 } }""");
        var variables = new Dictionary<string, string>
        {
            ["GITHUB_REPOSITORY"] = "octo/calc",
            ["GITHUB_EVENT_NAME"] = "pull_request",
            ["GITHUB_EVENT_PATH"] = payload,
            ["GITHUB_API_URL"] = github.Url.ToString(),
            ["GITHUB_TOKEN"] = Token,
        };
        var pipeline = CoveragePipeline.With(new Percentage(15), new GoCoverage("calc"));

        var first = await pipeline.RunAsync(root, ["Coverage"], variables: variables, gitHubActions: true);

        Assert.True(first.ExitCode == 0, first.Output);
        var created = Assert.Single(github.Comments, c => c.Body.Contains(CoverageTable.CommentMarker, StringComparison.Ordinal));
        Assert.Equal(7, created.Issue);
        Assert.Contains("Line coverage 42.8% (threshold 15%)", created.Body, StringComparison.Ordinal);
        Assert.Contains("| **Total** | **3/7** | **42.8%** |", created.Body, StringComparison.Ordinal);
        Assert.Contains("| example.com/calc/util | 0/1 | 0% |", created.Body, StringComparison.Ordinal);
        Assert.Contains($"Coverage comment created on octo/calc#7 (comment {created.Id}).", first.Lines);

        ToolProjects.GoModule(root, "calc", withFailingTest: false);
        root.Write("calc/util/util_test.go", "package util\n\nimport \"testing\"\n\nfunc TestTwice(t *testing.T) {\n\tif Twice(2) != 4 {\n\t\tt.Fatal(\"2*2\")\n\t}\n}\n");
        var second = await pipeline.RunAsync(root, ["Coverage"], variables: variables, gitHubActions: true);

        Assert.True(second.ExitCode == 0, second.Output);
        Assert.Equal(2, github.Comments.Count);
        var updated = Assert.Single(github.Comments, c => c.Body.Contains(CoverageTable.CommentMarker, StringComparison.Ordinal));
        Assert.Equal(created.Id, updated.Id);
        Assert.Contains("| **Total** | **4/7** | **57.1%** |", updated.Body, StringComparison.Ordinal);
        Assert.Contains($"PATCH /api/v3/repos/octo/calc/issues/comments/{created.Id}", github.Requests);
        Assert.Equal(1, github.Requests.Count(r => r.StartsWith("POST ", StringComparison.Ordinal)));
        Assert.Contains("Looks good to me", github.Comments.Select(c => c.Body));

        // The one line allowed to carry it: ::add-mask:: tells the runner what to hide from its own log.
        foreach (var run in new[] { first, second })
        {
            var visible = run.All.Split('\n').Where(l => !l.StartsWith("::add-mask::", StringComparison.Ordinal));
            Assert.DoesNotContain(visible, l => l.Contains(Token, StringComparison.Ordinal));
            Assert.Contains($"::add-mask::{Token}", run.Lines);
        }
    }

    [Fact]
    public async Task Without_a_token_no_comment_is_posted_and_coverage_still_passes()
    {
        Requirements.Tool("go");
        using var github = new FakeGitHub(Token);
        using var root = new TempRoot();
        ToolProjects.GoModule(root, "calc", withFailingTest: false);
        CoveragePipeline.AddToolManifest(root);
        var variables = new Dictionary<string, string>
        {
            ["GITHUB_REPOSITORY"] = "octo/calc",
            ["GITHUB_REF"] = "refs/pull/9/merge",
            ["GITHUB_API_URL"] = github.Url.ToString(),
        };

        var run = await CoveragePipeline.With(new Percentage(15), new GoCoverage("calc")).RunAsync(root, ["Coverage"], variables: variables, gitHubActions: true);

        Assert.True(run.ExitCode == 0, run.Output);
        Assert.Contains("::warning title=Coverage::No coverage comment on octo/calc#9: GITHUB_TOKEN is not set.", run.Lines);
        Assert.Empty(github.Requests);
    }
}
