using System.Text.Json;
using Pipeline.GitHubActions;
using Pipeline.Tests.Support;

namespace Pipeline.Tests.GitHubActions.Pins;

/// <summary>
/// <c>--update-actions</c> resolves tags through Octokit against a fake of GitHub's REST API on
/// 127.0.0.1 (GITHUB_API_URL points at it; GitHub itself is not reachable from the test machines),
/// and image tags through a fake registry's manifest HEAD, then rewrites the lock.
/// </summary>
public sealed class LockRefreshSpecs
{
    private const string LoginCommit = "5e57cd118135c172c3672efd75eb46360885c0ef";
    private const string LoginTagObject = "aaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaa";
    private const string CheckoutCommit = "11d5960a326750d5838078e36cf38b85af677262";
    private const string Digest = "sha256:1111111111111111111111111111111111111111111111111111111111111111";

    [Fact]
    public async Task A_named_action_is_resolved_through_its_annotated_tag_and_locked_with_the_existing_entries_refreshed()
    {
        using var gitHub = new FakeHttpServer(GitHub);
        using var root = new TempRoot();
        root.Write(ActionLock.RelativePath, """{ "actions": { "actions/checkout": { "v4.4.0": "0000000000000000000000000000000000000000" } } }""");

        var (exit, output) = await RunAsync(root, gitHub, "--update-actions", "docker/login-action@v3.6.0");

        Assert.Equal(0, exit);
        var written = ActionLockFile.Parse(root.Read(ActionLock.RelativePath), "lock");
        Assert.Equal(LoginCommit, written.Actions["docker/login-action"]["v3.6.0"]);
        Assert.Equal(CheckoutCommit, written.Actions["actions/checkout"]["v4.4.0"]);
        Assert.Contains($"locked docker/login-action@v3.6.0 to {LoginCommit}", output, StringComparison.Ordinal);
        Assert.Contains($"moved actions/checkout@v4.4.0 from 0000000000000000000000000000000000000000 to {CheckoutCommit}", output, StringComparison.Ordinal);
        Assert.Contains(gitHub.Requests, r => r.Path == $"/api/v3/repos/docker/login-action/git/tags/{LoginTagObject}");
        Assert.All(gitHub.Requests, r => Assert.Equal("token secret-token-value", r.Authorization, ignoreCase: true));
        Assert.DoesNotContain("secret-token-value", output, StringComparison.Ordinal);
    }

    [Fact]
    public async Task An_image_tag_is_locked_to_the_digest_its_registry_serves()
    {
        using var gitHub = new FakeHttpServer(GitHub);
        using var registry = new FakeHttpServer(request => request.Method == "HEAD" && request.Path == "/v2/team/app/manifests/1.2"
            ? new FakeResponse(200, "", "application/vnd.oci.image.index.v1+json") { Headers = new Dictionary<string, string> { ["Docker-Content-Digest"] = Digest } }
            : new FakeResponse(404, ""));
        using var root = new TempRoot();
        var image = $"127.0.0.1:{registry.BaseAddress.Port}/team/app:1.2";

        var (exit, _) = await RunAsync(root, gitHub, "--update-actions", image);

        Assert.Equal(0, exit);
        Assert.Equal(Digest, ActionLockFile.Parse(root.Read(ActionLock.RelativePath), "lock").Images[image]);
    }

    [Fact]
    public async Task A_tag_GitHub_does_not_have_fails_in_one_line_and_writes_nothing()
    {
        using var gitHub = new FakeHttpServer(GitHub);
        using var root = new TempRoot();

        var (exit, output) = await RunAsync(root, gitHub, "--update-actions", "docker/login-action@v99");

        Assert.Equal(2, exit);
        Assert.Contains("docker/login-action has no tag or branch 'v99' on GitHub", output, StringComparison.Ordinal);
        Assert.False(File.Exists(root.Path / ActionLock.RelativePath));
    }

    private static async Task<(int Exit, string Output)> RunAsync(TempRoot root, FakeHttpServer gitHub, params string[] args)
    {
        var output = new StringWriter();
        var environment = new PipelineEnvironment(
            root.Path,
            new Dictionary<string, string> { ["GITHUB_API_URL"] = gitHub.BaseAddress.ToString(), ["GITHUB_TOKEN"] = "secret-token-value" },
            output,
            output,
            2,
            false);
        var builder = new Script().Target<A>().Builder().Workflows(w => w.Add<ActionLockSpecs.Plain>());
        var exit = await builder.RunAsync(args, environment, CancellationToken.None);
        return (exit, output.ToString());
    }

    /// <summary>GitHub's git refs and annotated tags, in the shapes its REST API returns them.</summary>
    private static FakeResponse GitHub(FakeRequest request)
    {
        const string Api = "/api/v3/repos/";
        return request.Path switch
        {
            Api + "docker/login-action/git/ref/tags/v3.6.0" or Api + "docker/login-action/git/refs/tags/v3.6.0" =>
                Json(Ref("docker/login-action", "refs/tags/v3.6.0", "tag", LoginTagObject)),
            Api + $"docker/login-action/git/tags/{LoginTagObject}" => Json(new Dictionary<string, object>
            {
                ["node_id"] = "TA_kwDO",
                ["tag"] = "v3.6.0",
                ["sha"] = LoginTagObject,
                ["url"] = $"https://api.github.com/repos/docker/login-action/git/tags/{LoginTagObject}",
                ["message"] = "v3.6.0\n",
                ["tagger"] = new { name = "CrazyMax", email = "crazy-max@users.noreply.github.com", date = "2025-09-29T10:00:00Z" },
                ["object"] = new { type = "commit", sha = LoginCommit, url = $"https://api.github.com/repos/docker/login-action/git/commits/{LoginCommit}" },
                ["verification"] = new { verified = false, reason = "unsigned", signature = (string?)null, payload = (string?)null },
            }),
            Api + "actions/checkout/git/ref/tags/v4.4.0" or Api + "actions/checkout/git/refs/tags/v4.4.0" =>
                Json(Ref("actions/checkout", "refs/tags/v4.4.0", "commit", CheckoutCommit)),
            _ => new FakeResponse(404, """{"message":"Not Found","documentation_url":"https://docs.github.com/rest/git/refs#get-a-reference","status":"404"}"""),
        };

        static Dictionary<string, object> Ref(string repository, string name, string type, string sha) => new()
        {
            ["ref"] = name,
            ["node_id"] = "REF_kwDO",
            ["url"] = $"https://api.github.com/repos/{repository}/git/{name}",
            ["object"] = new { sha, type, url = $"https://api.github.com/repos/{repository}/git/{type}s/{sha}" },
        };

        static FakeResponse Json(object body) => new(200, JsonSerializer.Serialize(body));
    }
}
