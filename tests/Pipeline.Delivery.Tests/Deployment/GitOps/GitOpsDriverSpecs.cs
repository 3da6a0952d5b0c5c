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
