using Pipeline.Delivery.Tests.Support;

namespace Pipeline.Delivery.Tests.Registries;

public sealed class RegistryClientSpecs
{
    [Fact]
    public async Task A_registry_that_answers_503_twice_is_retried_and_the_real_digest_returned()
    {
        Requirements.Docker();
        await using var registry = await TestRegistry.StartAsync();
        var (image, expected) = await PushSampleAsync(registry.Host);
        await using var proxy = new RegistryProxy(registry.Host, failFirstManifestRequests: 2);
        try
        {
            var (digest, output) = await ReadDigestAsync(new RegistryAccess(proxy.Host, null, null), image, new Backoff(4, TimeSpan.FromMilliseconds(50)));

            Assert.Equal(expected, digest);
            Assert.Equal(3, proxy.ManifestRequests);
            Assert.Contains("attempt 1 of 4 failed", output, StringComparison.Ordinal);
            Assert.Contains("attempt 2 of 4 failed", output, StringComparison.Ordinal);
        }
        finally
        {
            await TestDocker.RemoveRepositoriesAsync(image);
        }
    }

    [Fact]
    public async Task A_bearer_challenge_is_answered_with_a_token_from_the_realm()
    {
        Requirements.Docker();
        await using var registry = await TestRegistry.StartAsync();
        var (image, expected) = await PushSampleAsync(registry.Host);
        await using var proxy = new RegistryProxy(registry.Host, bearerLogin: ("bob", "token-secret-1"));
        try
        {
            var (digest, _) = await ReadDigestAsync(new RegistryAccess(proxy.Host, null, new RegistryCredentials("bob", "token-secret-1")), image, Backoff.Default);

            Assert.Equal(expected, digest);
            Assert.Equal(1, proxy.TokenRequests);
        }
        finally
        {
            await TestDocker.RemoveRepositoriesAsync(image);
        }
    }

    [Fact]
    public async Task Refused_credentials_fail_at_once_without_retries()
    {
        Requirements.Docker();
        await using var registry = await TestRegistry.StartAsync();
        var (image, _) = await PushSampleAsync(registry.Host);
        await using var proxy = new RegistryProxy(registry.Host, bearerLogin: ("bob", "token-secret-1"));
        try
        {
            var (error, output) = await ReadDigestFailureAsync(new RegistryAccess(proxy.Host, null, new RegistryCredentials("bob", "wrong-secret-2")), image);

            Assert.Contains("refused the credentials (401)", error, StringComparison.Ordinal);
            Assert.Equal(1, proxy.TokenRequests);
            Assert.DoesNotContain("retrying", output, StringComparison.Ordinal);
            Assert.DoesNotContain("wrong-secret-2", output, StringComparison.Ordinal);
        }
        finally
        {
            await TestDocker.RemoveRepositoriesAsync(image);
        }
    }

    [Fact]
    public async Task Basic_auth_with_a_wrong_password_is_a_login_error_not_a_retry()
    {
        Requirements.Docker();
        await using var registry = await TestRegistry.StartAsync(("alice", "right-password-5"));
        await using var proxy = new RegistryProxy(registry.Host);

        var (error, output) = await ReadDigestFailureAsync(new RegistryAccess(proxy.Host, null, new RegistryCredentials("alice", "wrong-password-6")), "anything");

        Assert.Contains("refused to show", error, StringComparison.Ordinal);
        Assert.Equal(2, proxy.ManifestRequests); // the challenge, then the one answer with credentials
        Assert.DoesNotContain("retrying", output, StringComparison.Ordinal);
    }

    [Fact]
    public void Challenge_parameters_are_split_with_quotes_and_commas() =>
        Assert.Equal(
            new Dictionary<string, string> { ["realm"] = "https://ghcr.io/token", ["service"] = "ghcr.io", ["scope"] = "repository:acme/api:pull,push" },
            RegistryClient.ChallengeParameters("realm=\"https://ghcr.io/token\",service=\"ghcr.io\",scope=\"repository:acme/api:pull,push\""));

    [Theory]
    [InlineData("Get \"http://127.0.0.1:5000/v2/\": dial tcp 127.0.0.1:5000: connect: connection refused", true)]
    [InlineData("Get \"http://127.0.0.1:44401/v2/\": dial tcp 127.0.0.1:44401: connect: connection refused", true)] // the port is not a 401
    [InlineData("received unexpected HTTP status: 503 Service Unavailable", true)]
    [InlineData("net/http: TLS handshake timeout", true)]
    [InlineData("unauthorized: authentication required", false)]
    [InlineData("denied: requested access to the resource is denied", false)]
    [InlineData("error parsing HTTP 403 response body: unexpected end of JSON input", false)]
    [InlineData("An image does not exist locally with the tag: api", false)]
    public void Docker_push_output_tells_transient_from_permanent(string line, bool transient) =>
        Assert.Equal(transient, TransientFailures.IsTransientDockerOutput(["The push refers to repository [x]", line]));

    [Fact]
    public void Http_failures_are_transient_only_without_a_status_or_with_a_5xx()
    {
        Assert.True(TransientFailures.IsTransient(new HttpRequestException("connection refused")));
        Assert.True(TransientFailures.IsTransient(new HttpRequestException("bad gateway", null, System.Net.HttpStatusCode.BadGateway)));
        Assert.False(TransientFailures.IsTransient(new HttpRequestException("not found", null, System.Net.HttpStatusCode.NotFound)));
        Assert.False(TransientFailures.IsTransient(new RegistryLoginException("refused")));
    }

    [Fact]
    public void Backoff_doubles_each_wait() =>
        Assert.Equal(
            [TimeSpan.FromSeconds(1), TimeSpan.FromSeconds(2), TimeSpan.FromSeconds(4)],
            Enumerable.Range(1, 3).Select(Backoff.Default.DelayAfter));

    /// <summary>Builds and pushes a tiny image with the docker CLI; returns its name and the registry's digest.</summary>
    private static async Task<(string Name, string Digest)> PushSampleAsync(string host)
    {
        using var root = new TempRoot();
        TestDocker.WriteScratchImage(root, "image", "digest me " + Guid.NewGuid());
        var name = TestDocker.UniqueName("digest");
        await Shell.RunAsync("docker", ["build", "--quiet", "--tag", $"{host}/{name}:v1", root.Path / "image"]);
        await Shell.RunAsync("docker", ["push", $"{host}/{name}:v1"]);
        var repoDigest = await TestDocker.InspectAsync($"{host}/{name}:v1", "{{index .RepoDigests 0}}");
        return (name, repoDigest[(repoDigest.IndexOf('@', StringComparison.Ordinal) + 1)..]);
    }

    private static async Task<(string Digest, string Output)> ReadDigestAsync(RegistryAccess access, string name, Backoff backoff)
    {
        string? digest = null;
        using var http = new HttpClient();
        var client = new RegistryClient(http);
        var step = new StepAction(async context => digest = await backoff.RunAsync(
            "digest", context.Log, () => client.GetDigestAsync(access, new ImageReference(access.Host, name, "v1", null), context.Cancellation), context.Cancellation));
        using var root = new TempRoot();
        var run = (await PipelineRun.RunAsync(new PipelineBuilder().Add<InlineStep>().Provide(step), root.Path, "InlineStep")).Succeeded();
        return (digest!, run.Output);
    }

    private static async Task<(string Error, string Output)> ReadDigestFailureAsync(RegistryAccess access, string name)
    {
        string? error = null;
        using var http = new HttpClient();
        var client = new RegistryClient(http);
        var backoff = new Backoff(4, TimeSpan.FromMilliseconds(50));
        var step = new StepAction(async context =>
        {
            var failure = await Assert.ThrowsAsync<RegistryLoginException>(() => backoff.RunAsync(
                "digest", context.Log, () => client.GetDigestAsync(access, new ImageReference(access.Host, name, "v1", null), context.Cancellation), context.Cancellation));
            error = failure.Message;
        });
        using var root = new TempRoot();
        var run = (await PipelineRun.RunAsync(new PipelineBuilder().Add<InlineStep>().Provide(step), root.Path, "InlineStep")).Succeeded();
        return (error!, run.Output);
    }
}
