using Pipeline.Delivery.Tests.Support;

namespace Pipeline.Delivery.Tests.Deployment.GitOps;

/// <summary>The GitOps driver with the real git CLI against a bare repository in a temp directory.</summary>
public sealed class GitOpsDriverSpecs
{
    private const string ValuesPath = "apps/api/values-staging.yaml";
    private const string Token = "gitops-token-91e7c0";
    private const string Values = """
        # api on staging: the pipeline sets image.tag, people set the rest.
        replicaCount: 2

        image:
          repository: 127.0.0.1:5000/api
          tag: 1.0.0   # written by the pipeline
          pullPolicy: IfNotPresent

        resources:
          limits: { cpu: 500m }

        """;

    private static readonly ImageReference Image = ImageReference.Parse("127.0.0.1:5000/api:3f2a1bc");

    [Fact]
    public async Task Commits_the_new_tag_once_with_every_other_line_as_it_was()
    {
        Requirements.Tool("git");
        using var repositories = Seeded();

        var (run, result) = await DeployAsync(new GitOpsDriver(Settings(repositories), Token));

        Assert.True(run.Succeeded, run.Output);
        Assert.Equal(DeploymentOutcome.Updated, result!.Outcome);
        Assert.Equal(Values.Replace("tag: 1.0.0   #", "tag: 3f2a1bc   #", StringComparison.Ordinal), repositories.Show(ValuesPath));
        var log = repositories.Log();
        Assert.Equal(2, log.Length);
        Assert.StartsWith("Deploy api 3f2a1bc to staging|Deploy Bot <deploy@example.com>|", log[0], StringComparison.Ordinal);
        Assert.DoesNotContain(Token, run.Output, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Sets_the_repository_too_when_its_key_is_configured()
    {
        Requirements.Tool("git");
        using var repositories = Seeded();
        var settings = Settings(repositories) with { RepositoryKey = "image.repository" };
        var image = ImageReference.Parse("registry.example.com:5000/team/api:4b5c6d7");

        var (run, _) = await DeployAsync(new GitOpsDriver(settings), image);

        Assert.True(run.Succeeded, run.Output);
        Assert.Equal(
            Values.Replace("repository: 127.0.0.1:5000/api", "repository: registry.example.com:5000/team/api", StringComparison.Ordinal)
                .Replace("tag: 1.0.0   #", "tag: 4b5c6d7   #", StringComparison.Ordinal),
            repositories.Show(ValuesPath));
    }

    [Fact]
    public async Task Deploying_the_same_tag_again_makes_no_commit()
    {
        Requirements.Tool("git");
        using var repositories = Seeded();
        await DeployAsync(new GitOpsDriver(Settings(repositories)));
        var before = repositories.Log();

        var (run, result) = await DeployAsync(new GitOpsDriver(Settings(repositories)));

        Assert.True(run.Succeeded, run.Output);
        Assert.Equal(DeploymentOutcome.Unchanged, result!.Outcome);
        Assert.Equal("already at 3f2a1bc", result.Summary);
        Assert.Equal(before, repositories.Log());
    }

    [Fact]
    public async Task Rebases_over_a_commit_pushed_upstream_meanwhile_and_pushes_again()
    {
        Requirements.Tool("git");
        using var repositories = Seeded();
        var driver = new GitOpsDriver(Settings(repositories))
        {
            BeforeFirstPush = () =>
            {
                repositories.CommitUpstream("Scale api to 3", (ValuesPath, Values.Replace("replicaCount: 2", "replicaCount: 3", StringComparison.Ordinal)));
                return Task.CompletedTask;
            },
        };

        var (run, result) = await DeployAsync(driver);

        Assert.True(run.Succeeded, run.Output);
        Assert.Equal(DeploymentOutcome.Updated, result!.Outcome);
        Assert.Contains("rebasing onto it and pushing again", run.Output, StringComparison.Ordinal);
        var log = repositories.Log();
        Assert.Equal(["Deploy api 3f2a1bc to staging", "Scale api to 3", "Staging values"], log.Select(l => l.Split('|')[0]));
        Assert.All(log, l => Assert.DoesNotContain(" ", l.Split('|')[2], StringComparison.Ordinal)); // one parent each: no merge
        Assert.Equal(
            Values.Replace("replicaCount: 2", "replicaCount: 3", StringComparison.Ordinal).Replace("tag: 1.0.0   #", "tag: 3f2a1bc   #", StringComparison.Ordinal),
            repositories.Show(ValuesPath));
    }

    [Fact]
    public async Task Sends_the_token_to_an_http_remote_as_a_header_and_never_prints_it()
    {
        Requirements.Tool("git");
        using var remote = new FakeHttpServer(_ => new FakeResponse(403, "no repository here", "text/plain"));
        var driver = new GitOpsDriver(new GitOpsSettings(new Uri(remote.BaseAddress, "acme/gitops.git").ToString(), "main", ValuesPath), Token);

        var (run, _) = await DeployAsync(driver);

        Assert.False(run.Succeeded);
        var asked = Assert.Single(remote.Requests, r => r.Path.EndsWith("/info/refs", StringComparison.Ordinal));
        Assert.Equal("Basic " + Convert.ToBase64String(System.Text.Encoding.UTF8.GetBytes("x-access-token:" + Token)), asked.Authorization);
        Assert.DoesNotContain(Token, run.Output, StringComparison.Ordinal);
        Assert.DoesNotContain(asked.Authorization![6..], run.Output, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Edits_the_image_entry_of_a_kustomization_pinned_by_digest_and_commits_once()
    {
        Requirements.Tool("git");
        using var repositories = new GitRepositories();
        repositories.CommitUpstream("Staging overlay", (KustomizationPath, Kustomization));
        var settings = Settings(repositories) with { ValuesFile = KustomizationPath };
        var pinned = ImageReference.Parse("ghcr.io/acme/api:3f2a1bc@" + Digest);

        var (run, result) = await DeployAsync(new GitOpsDriver(settings), pinned);
        var (again, unchanged) = await DeployAsync(new GitOpsDriver(settings), pinned);

        Assert.True(run.Succeeded, run.Output);
        Assert.Equal(DeploymentOutcome.Updated, result!.Outcome);
        Assert.Equal(
            Kustomization.Replace("newName: 127.0.0.1:5000/api", "newName: ghcr.io/acme/api", StringComparison.Ordinal)
                .Replace("newTag: 1.0.0 # pipeline\n", $"newTag: 3f2a1bc # pipeline\n    digest: {Digest}\n", StringComparison.Ordinal),
            repositories.Show(KustomizationPath));
        Assert.True(again.Succeeded, again.Output);
        Assert.Equal(DeploymentOutcome.Unchanged, unchanged!.Outcome);
        Assert.Equal(["Deploy api 3f2a1bc to staging", "Staging overlay"], repositories.Log().Select(l => l.Split('|')[0]));
    }

    [Fact]
    public async Task A_kustomization_without_the_entry_fails_with_one_line_and_no_commit()
    {
        Requirements.Tool("git");
        using var repositories = new GitRepositories();
        repositories.CommitUpstream("Staging overlay", (KustomizationPath, Kustomization));
        var settings = Settings(repositories) with { ValuesFile = KustomizationPath, KustomizeImage = "web" };

        var (run, _) = await DeployAsync(new GitOpsDriver(settings));

        Assert.False(run.Succeeded);
        Assert.Contains($"{KustomizationPath} on main of the GitOps repository: no images entry named 'web' (entries: api, worker)", run.Output, StringComparison.Ordinal);
        Assert.DoesNotContain("   at ", run.Output, StringComparison.Ordinal);
        Assert.Single(repositories.Log());
    }

    [Theory]
    [InlineData("apps/api/values.json", "apps/api/values.json is neither")]
    [InlineData(ValuesPath, "No key 'image.version' in the file")]
    public async Task A_file_it_cannot_edit_fails_with_one_line_not_a_stack_trace(string file, string expected)
    {
        Requirements.Tool("git");
        using var repositories = Seeded();
        var settings = Settings(repositories) with { ValuesFile = file, TagKey = "image.version" };

        var (run, _) = await DeployAsync(new GitOpsDriver(settings));

        Assert.False(run.Succeeded);
        Assert.Contains(expected, run.Output, StringComparison.Ordinal);
        Assert.DoesNotContain("   at ", run.Output, StringComparison.Ordinal);
        Assert.DoesNotContain("FormatException", run.Output, StringComparison.Ordinal);
        Assert.Single(repositories.Log());
    }

    private const string KustomizationPath = "overlays/staging/kustomization.yaml";
    private const string Digest = "sha256:0123456789abcdef0123456789abcdef0123456789abcdef0123456789abcdef";
    private const string Kustomization = """
        # staging overlay
        resources:
          - ../../base
        images:
          - name: api
            newName: 127.0.0.1:5000/api
            newTag: 1.0.0 # pipeline
          - name: worker
            newTag: 2.0.0

        """;

    private static GitRepositories Seeded()
    {
        var repositories = new GitRepositories();
        repositories.CommitUpstream("Staging values", (ValuesPath, Values));
        return repositories;
    }

    private static GitOpsSettings Settings(GitRepositories repositories) => new(repositories.Remote, "main", ValuesPath)
    {
        AuthorName = "Deploy Bot",
        AuthorEmail = "deploy@example.com",
    };

    private static async Task<(HarnessRun Run, DeploymentResult? Result)> DeployAsync(GitOpsDriver driver, ImageReference? image = null)
    {
        DeploymentResult? result = null;
        var run = await TargetHarness.RunAsync(async context =>
            result = await driver.DeployAsync(new Pipeline.Delivery.Deployment("api", image ?? Image), context));
        return (run, result);
    }
}
