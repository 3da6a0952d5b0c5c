using Pipeline.Delivery.Tests.Support;

namespace Pipeline.Delivery.Tests.Registries;

public sealed class RegistryKindsSpecs
{
    [Fact]
    public async Task Ghcr_logs_in_as_the_actor_with_the_token_under_the_lower_cased_owner()
    {
        var (access, _) = await ResolveAsync(
            new GitHubContainerRegistry(),
            new Dictionary<string, string> { ["GITHUB_ACTOR"] = "octocat", ["GITHUB_REPOSITORY_OWNER"] = "Acme-Corp", ["GITHUB_TOKEN"] = "ghs_secret123" });

        Assert.Equal(("ghcr.io", "acme-corp", "octocat", "ghs_secret123"), (access!.Host, access.Namespace, access.Credentials!.Username, access.Credentials.Password));
        Assert.Equal("ghcr.io/acme-corp/api:1.2.3", access.ImageFor("api", "1.2.3").ToString());
        Assert.Equal(new Uri("https://ghcr.io/"), access.ApiBase);
        Assert.Equal("octocat:***", access.Credentials.ToString());
    }

    [Fact]
    public async Task Ghcr_without_an_actor_says_which_variable_is_missing()
    {
        var (_, output) = await ResolveAsync(new GitHubContainerRegistry("acme"), new Dictionary<string, string> { ["GITHUB_TOKEN"] = "ghs_secret123" });

        Assert.Contains("GITHUB_ACTOR, which is not set", output, StringComparison.Ordinal);
        Assert.DoesNotContain("ghs_secret123", output, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Docker_hub_reads_user_and_token_parameters_and_its_api_has_its_own_host()
    {
        var (access, _) = await ResolveAsync(
            new DockerHub("acme"),
            new Dictionary<string, string> { ["DOCKER_HUB_USERNAME"] = "builder", ["DOCKER_HUB_TOKEN"] = "dckr_pat_x" });

        Assert.Equal("docker.io/acme/api:main", access!.ImageFor("api", "main").ToString());
        Assert.Equal("builder", access.Credentials!.Username);
        Assert.Equal(new Uri("https://registry-1.docker.io/"), access.ApiBase);
    }

    [Fact]
    public async Task A_generic_registry_without_a_user_pushes_anonymously_over_http_on_loopback()
    {
        var (access, _) = await ResolveAsync(new GenericRegistry("127.0.0.1:5000") { Namespace = "team" }, new Dictionary<string, string>());

        Assert.Null(access!.Credentials);
        Assert.Equal("127.0.0.1:5000/team/api:abc1234", access.ImageFor("api", "abc1234").ToString());
        Assert.Equal(new Uri("http://127.0.0.1:5000/"), access.ApiBase);
    }

    [Fact]
    public async Task An_ecr_login_whose_aws_cli_fails_reports_the_cli_s_error()
    {
        using var root = new TempRoot();
        var aws = root.Write("aws", "#!/bin/sh\necho 'Unable to locate credentials. You can configure credentials by running \"aws configure\".' >&2\nexit 253\n");
        if (!OperatingSystem.IsWindows())
        {
            File.SetUnixFileMode(aws, UnixFileMode.UserRead | UnixFileMode.UserWrite | UnixFileMode.UserExecute);
        }

        var (_, output) = await ResolveAsync(new ElasticContainerRegistry("123456789012", "eu-west-1") { AwsCli = aws }, new Dictionary<string, string>());

        Assert.Contains("aws ecr get-login-password --region eu-west-1 failed (exit 253): Unable to locate credentials", output, StringComparison.Ordinal);
    }

    private static async Task<(RegistryAccess? Access, string Output)> ResolveAsync(ContainerRegistry registry, Dictionary<string, string> variables)
    {
        RegistryAccess? access = null;
        using var root = new TempRoot();
        var step = new StepAction(async context => access = await registry.ResolveAsync(new RegistryContext(context)));
        var builder = new PipelineBuilder().Add<InlineStep>().Provide(step)
            .Parameters(CommonParameters.GitHubToken, RegistryParameters.DockerHubUsername, RegistryParameters.DockerHubToken);
        var run = await PipelineRun.RunAsync(builder, root.Path, variables, "InlineStep");
        return (access, run.Output);
    }
}
