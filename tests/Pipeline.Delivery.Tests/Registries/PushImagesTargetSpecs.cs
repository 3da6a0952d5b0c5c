using Pipeline.Delivery.Tests.Support;

namespace Pipeline.Delivery.Tests.Registries;

public sealed class PushImagesTargetSpecs
{
    private const string Password = "pw-Registry-7c1e5f0b";
    private static readonly Dictionary<string, string> OnMain = new()
    {
        ["GITHUB_SHA"] = "4f3c2b1a09f8e7d6c5b4a39281706f5e4d3c2b1a",
        ["GITHUB_REF"] = "refs/heads/main",
        ["GITHUB_EVENT_NAME"] = "push",
    };

    [Fact]
    public async Task Pushes_with_a_login_and_reports_the_digest_the_registry_holds()
    {
        Requirements.Docker();
        await using var registry = await TestRegistry.StartAsync(("alice", Password));
        using var root = new TempRoot();
        var setup = Setup.For(root, new GenericRegistry(registry.Host, "alice", Secrets.RegistryPassword));
        try
        {
            var run = (await PipelineRun.RunAsync(setup.Builder(), root.Path, With(OnMain, ("REGISTRY_PASSWORD", Password)), "PushTestImage")).Succeeded();

            var pushed = PushedImages.At(root.Path)[setup.Name];
            Assert.Equal($"{registry.Host}/{setup.Name}", pushed.Repository);
            Assert.Equal(await TestDocker.InspectAsync($"{registry.Host}/{setup.Name}:main", "{{index .RepoDigests 0}}"), pushed.ToString());
            Assert.Contains($"Pushed {pushed}", run.Output, StringComparison.Ordinal);
            Assert.DoesNotContain(Password, run.Output, StringComparison.Ordinal);
            AssertNoCredentialsLeftFor(registry.Host);
        }
        finally
        {
            await TestDocker.RemoveRepositoriesAsync(setup.Name);
        }
    }

    [Fact]
    public async Task A_wrong_password_fails_at_the_login_with_a_clear_message_and_no_password()
    {
        Requirements.Docker();
        await using var registry = await TestRegistry.StartAsync(("alice", Password));
        using var root = new TempRoot();
        var setup = Setup.For(root, new GenericRegistry(registry.Host, "alice", Secrets.RegistryPassword));
        const string wrong = "not-the-Password-91b2";
        try
        {
            var run = await PipelineRun.RunAsync(setup.Builder(), root.Path, With(OnMain, ("REGISTRY_PASSWORD", wrong)), "PushTestImage");

            Assert.NotEqual(0, run.ExitCode);
            Assert.Contains($"docker login to {registry.Host} as alice failed", run.Output, StringComparison.Ordinal);
            Assert.Contains("401 Unauthorized", run.Output, StringComparison.Ordinal);
            Assert.DoesNotContain(wrong, run.Output, StringComparison.Ordinal);
            Assert.DoesNotContain("retrying", run.Output, StringComparison.Ordinal);
            Assert.DoesNotContain("   at ", run.Output, StringComparison.Ordinal); // an expected failure: no stack trace
            Assert.False(File.Exists(PushedImages.At(root.Path).FilePath));
        }
        finally
        {
            await TestDocker.RemoveRepositoriesAsync(setup.Name);
        }
    }

    [Fact]
    public async Task Ecr_login_takes_the_password_from_the_aws_cli_and_hands_it_to_docker_on_stdin()
    {
        Requirements.Docker();
        const string ecrPassword = "eyJwYXlsb2FkIjoiZmFrZS1lY3IifQ-5d0c";
        await using var registry = await TestRegistry.StartAsync((ElasticContainerRegistry.User, ecrPassword));
        using var root = new TempRoot();
        var aws = root.Write("fake-bin/aws", $"""
            #!/bin/sh
            echo "$@" > "$(dirname "$0")/aws-arguments"
            echo "{ecrPassword}"
            """);
        if (!OperatingSystem.IsWindows())
        {
            File.SetUnixFileMode(aws, UnixFileMode.UserRead | UnixFileMode.UserWrite | UnixFileMode.UserExecute);
        }
        var ecr = new ElasticContainerRegistry("123456789012", "eu-west-1") { Host = registry.Host, AwsCli = aws };
        var setup = Setup.For(root, ecr);
        try
        {
            var run = (await PipelineRun.RunAsync(setup.Builder(), root.Path, OnMain, "PushTestImage")).Succeeded();

            Assert.Equal("ecr get-login-password --region eu-west-1", File.ReadAllText(root.Path / "fake-bin" / "aws-arguments").Trim());
            Assert.Contains($"Logged in to {registry.Host} as AWS", run.Output, StringComparison.Ordinal);
            Assert.Equal(await TestDocker.InspectAsync($"{registry.Host}/{setup.Name}:main", "{{index .RepoDigests 0}}"), PushedImages.At(root.Path)[setup.Name].ToString());

            // Not a declared secret, so nothing masks it: only keeping it off the log and command lines does.
            Assert.DoesNotContain(ecrPassword, run.Output, StringComparison.Ordinal);
            AssertNoCredentialsLeftFor(registry.Host);
        }
        finally
        {
            await TestDocker.RemoveRepositoriesAsync(setup.Name);
        }
    }

    [Fact]
    public async Task A_push_in_another_job_loads_the_image_the_build_saved()
    {
        Requirements.Docker();
        await using var registry = await TestRegistry.StartAsync();
        using var root = new TempRoot();
        var setup = Setup.For(root, new GenericRegistry(registry.Host)) with { SaveImages = true };
        try
        {
            (await PipelineRun.RunAsync(setup.Builder(), root.Path, OnMain, "BuildTestImage")).Succeeded();
            var built = BuiltImages.At(root.Path)[setup.Name];
            Assert.True(File.Exists(root.Path / built.Archive!), built.Archive);

            // A fresh machine: the engine has no such image, only the downloaded artifact.
            await TestDocker.RemoveRepositoriesAsync(setup.Name);
            var run = (await PipelineRun.RunAsync(setup.Builder(), root.Path, OnMain, "PushTestImage", "--skip", "BuildTestImage")).Succeeded();

            Assert.Contains($"loading it from {built.Archive}", run.Output, StringComparison.Ordinal);
            Assert.Equal(built.ImageId, await TestDocker.InspectAsync($"{registry.Host}/{setup.Name}:main", "{{.Id}}"));
            Assert.Equal(await TestDocker.InspectAsync($"{registry.Host}/{setup.Name}:main", "{{index .RepoDigests 0}}"), PushedImages.At(root.Path)[setup.Name].ToString());
        }
        finally
        {
            await TestDocker.RemoveRepositoriesAsync(setup.Name);
        }
    }

    [Fact]
    public async Task A_push_without_the_image_or_its_archive_says_how_to_fix_it()
    {
        Requirements.Docker();
        await using var registry = await TestRegistry.StartAsync();
        using var root = new TempRoot();
        var setup = Setup.For(root, new GenericRegistry(registry.Host));
        try
        {
            (await PipelineRun.RunAsync(setup.Builder(), root.Path, OnMain, "BuildTestImage")).Succeeded();
            await TestDocker.RemoveRepositoriesAsync(setup.Name);

            var run = await PipelineRun.RunAsync(setup.Builder(), root.Path, OnMain, "PushTestImage", "--skip", "BuildTestImage");

            Assert.NotEqual(0, run.ExitCode);
            Assert.Contains("is not in this Docker engine, and no saved archive of it is here", run.Output, StringComparison.Ordinal);
        }
        finally
        {
            await TestDocker.RemoveRepositoriesAsync(setup.Name);
        }
    }

    [Fact]
    public async Task Two_push_targets_push_to_two_registries_with_their_own_tags_and_keep_two_records()
    {
        Requirements.Docker();
        await using var first = await TestRegistry.StartAsync();
        await using var second = await TestRegistry.StartAsync();
        using var root = new TempRoot();
        var setup = Setup.For(root, null);
        var builder = setup.Builder().Add<PushToFirst>().Add<PushMainToSecond>()
            .Provide(new TwoRegistries(new GenericRegistry(first.Host), new GenericRegistry(second.Host)));
        try
        {
            (await PipelineRun.RunAsync(builder, root.Path, OnMain, "PushToFirst", "PushMainToSecond")).Succeeded();

            var toFirst = PushedImages.Of<PushToFirst>(root.Path)[setup.Name];
            var toSecond = PushedImages.Of<PushMainToSecond>(root.Path)[setup.Name];
            Assert.Equal($"{first.Host}/{setup.Name}", toFirst.Repository);
            Assert.Equal($"{second.Host}/{setup.Name}", toSecond.Repository);
            Assert.Equal(BuiltImages.At(root.Path)[setup.Name].Tags, toFirst.Tags);
            Assert.True(toFirst.Tags.Count > 1, string.Join(", ", toFirst.Tags));
            Assert.Equal(["main"], toSecond.Tags);
            Assert.False(File.Exists(PushedImages.At(root.Path).FilePath)); // neither wrote the shared record
            using var http = new HttpClient();
            using var onlyMain = await http.GetAsync(new Uri($"http://{second.Host}/v2/{setup.Name}/tags/list"), TestContext.Current.CancellationToken);
            Assert.Contains("[\"main\"]", await onlyMain.Content.ReadAsStringAsync(TestContext.Current.CancellationToken), StringComparison.Ordinal);
        }
        finally
        {
            await TestDocker.RemoveRepositoriesAsync(setup.Name);
        }
    }

    [Fact]
    public void The_default_host_of_ecr_is_the_account_s_registry() =>
        Assert.Equal("123456789012.dkr.ecr.eu-west-1.amazonaws.com", new ElasticContainerRegistry("123456789012", "eu-west-1").Host);

    [Fact]
    public async Task On_a_pull_request_images_are_built_but_not_pushed()
    {
        Requirements.Docker();
        await using var registry = await TestRegistry.StartAsync();
        using var root = new TempRoot();
        var setup = Setup.For(root, new GenericRegistry(registry.Host));
        var pullRequest = With(OnMain, ("GITHUB_EVENT_NAME", "pull_request"), ("GITHUB_REF", "refs/pull/7/merge"), ("GITHUB_HEAD_REF", "fix/typo"));
        try
        {
            var run = (await PipelineRun.RunAsync(setup.Builder(), root.Path, pullRequest, "PushTestImage")).Succeeded();

            Assert.Equal(setup.Name, BuiltImages.At(root.Path).All.Single().Name);
            Assert.False(File.Exists(PushedImages.At(root.Path).FilePath), run.Output);
            using var http = new HttpClient();
            using var manifest = await http.GetAsync(new Uri($"http://{registry.Host}/v2/{setup.Name}/manifests/fix-typo"), TestContext.Current.CancellationToken);
            Assert.Equal(System.Net.HttpStatusCode.NotFound, manifest.StatusCode);
        }
        finally
        {
            await TestDocker.RemoveRepositoriesAsync(setup.Name);
        }
    }

    [Fact]
    public void The_push_condition_is_false_for_pull_requests_and_true_for_pushes_and_local_runs()
    {
        using var root = new TempRoot();
        var graph = Setup.For(root, null).Builder().BuildGraph(new PipelineEnvironment(root.Path, new Dictionary<string, string>(), TextWriter.Null, TextWriter.Null, 2, false));
        var when = graph["PushTestImage"].When!;

        Assert.False(when.Evaluate(new ConditionFacts("pull_request", "refs/pull/7/merge")));
        Assert.True(when.Evaluate(new ConditionFacts("push", "refs/heads/main")));
        Assert.True(when.Evaluate(ConditionFacts.Local));
        Assert.Equal(["BuildTestImage"], graph.DependenciesOf("PushTestImage"));
    }

    [Theory]
    [InlineData(typeof(BuildImagesTarget))]
    [InlineData(typeof(PushImagesTarget<BuildTestImage>))]
    [InlineData(typeof(PushPlatformImagesTarget<BuildTestImage>))]
    [InlineData(typeof(MergeImagesTarget<PushTestImage>))]
    [InlineData(typeof(DeployStagingTarget))]
    [InlineData(typeof(SmokeTarget))]
    public void A_delivery_target_s_configure_is_sealed_and_extend_is_the_hook(Type component)
    {
        var flags = System.Reflection.BindingFlags.Instance | System.Reflection.BindingFlags.NonPublic | System.Reflection.BindingFlags.DeclaredOnly;

        Assert.True(component.GetMethod("Configure", flags)!.IsFinal, $"{component.Name}.Configure can be overridden");
        Assert.True(component.GetMethod("Extend", flags) is { IsVirtual: true, IsFinal: false, IsFamily: true });
    }

    [Fact]
    public void A_subclass_that_extends_the_push_keeps_never_on_pull_requests_and_the_build_dependency()
    {
        using var root = new TempRoot();
        var environment = new PipelineEnvironment(root.Path, new Dictionary<string, string>(), TextWriter.Null, TextWriter.Null, 2, false);
        var graph = new PipelineBuilder().Add<PushAfterGate>().Provide(Setup.For(root, null)).BuildGraph(environment);
        var push = graph["PushAfterGate"];

        Assert.False(push.When!.Evaluate(new ConditionFacts("pull_request", "refs/pull/7/merge")));
        Assert.True(push.When.Evaluate(new ConditionFacts("push", "refs/heads/main")));
        Assert.Equal(["BuildTestImage", "Gate"], graph.DependenciesOf("PushAfterGate").Order(StringComparer.Ordinal));
        Assert.Equal([BuildImagesTarget.ImagesArtifact], push.Consumes);
        Assert.Equal([PushedImages.Artifact], push.Produces);
        Assert.Equal("Pushes after the gate", push.Description);
        Assert.Empty(push.Requires); // the primary constructor's environment says: not under GitHub Actions, so no GHCR token
    }

    [Fact]
    public void A_registry_s_secret_is_required_by_the_push_target()
    {
        using var root = new TempRoot();
        var graph = Setup.For(root, new GitHubContainerRegistry("Acme")).Builder().BuildGraph(new PipelineEnvironment(root.Path, new Dictionary<string, string>(), TextWriter.Null, TextWriter.Null, 2, false));

        Assert.Equal([CommonParameters.GitHubToken], graph["PushTestImage"].Requires);
        Assert.Equal("GITHUB_TOKEN", ((IParameter)CommonParameters.GitHubToken).EnvironmentName);
    }

    internal static Dictionary<string, string> With(IReadOnlyDictionary<string, string> variables, params (string Name, string Value)[] more)
    {
        var result = new Dictionary<string, string>(variables);
        foreach (var (name, value) in more)
        {
            result[name] = value;
        }

        return result;
    }

    /// <summary>docker login wrote into a temporary DOCKER_CONFIG, not into the user's own.</summary>
    internal static void AssertNoCredentialsLeftFor(string host)
    {
        var userConfig = Path.Combine(Environment.GetFolderPath(Environment.SpecialFolder.UserProfile), ".docker", "config.json");
        Assert.False(File.Exists(userConfig) && File.ReadAllText(userConfig).Contains(host, StringComparison.Ordinal), $"{userConfig} holds credentials for {host}");
    }
}

public static class Secrets
{
    public static readonly Parameter<string> RegistryPassword = Parameter.Secret("Password of the test registry");
}

/// <summary>One test's pipeline: a tiny image to build and the registry to push it to.</summary>
public sealed record Setup(string Name, ContainerRegistry? Registry, Backoff Backoff)
{
    /// <summary>Where the embedded registry keeps its state, for tests that use it.</summary>
    public AbsolutePath? LocalRegistryRoot { get; init; }

    /// <summary>Save the built image for a push on another machine (what CI does).</summary>
    public bool SaveImages { get; init; }

    public static Setup For(TempRoot root, ContainerRegistry? registry, Backoff? backoff = null)
    {
        TestDocker.WriteScratchImage(root, "image", "hello from a test");
        return new Setup(TestDocker.UniqueName("pushed"), registry, backoff ?? new Backoff(3, TimeSpan.FromMilliseconds(200)));
    }

    public PipelineBuilder Builder() =>
        new PipelineBuilder().Add<PushTestImage>().Provide(this).Parameters(Secrets.RegistryPassword);
}

public sealed class BuildTestImage(Setup setup) : BuildImagesTarget
{
    protected override IEnumerable<ContainerImage> Images => [new ContainerImage(setup.Name, "image/Dockerfile", "image")];

    protected override bool SaveImages(TargetContext context) => setup.SaveImages;
}

/// <summary>
/// A user's Push with a primary constructor that keeps its parameter and adds a relation: the base takes no
/// constructor arguments, so nothing is both captured and passed on (no CS9107), and its own declarations stay.
/// </summary>
public sealed class PushAfterGate(PipelineEnvironment environment, Setup setup) : PushImagesTarget<BuildTestImage>
{
    protected override ContainerRegistry? Registry => environment.IsGitHubActions ? new GitHubContainerRegistry(setup.Name) : null;

    protected override void Extend(TargetSpec target) => target.Description("Pushes after the gate").DependsOn<Gate>();
}

public sealed class Gate : Target;

public sealed record TwoRegistries(ContainerRegistry First, ContainerRegistry Second);

public sealed class PushToFirst(TwoRegistries registries) : PushImagesTarget<BuildTestImage>
{
    protected override ContainerRegistry Registry => registries.First;

    protected override bool HasOwnRecord => true;
}

/// <summary>A second registry that only gets the branch tag.</summary>
public sealed class PushMainToSecond(TwoRegistries registries) : PushImagesTarget<BuildTestImage>
{
    protected override ContainerRegistry Registry => registries.Second;

    protected override bool HasOwnRecord => true;

    protected override IEnumerable<string> TagsToPush(BuiltImage image) => image.Tags.Where(t => t == "main");
}

public sealed class PushTestImage(Setup setup) : PushImagesTarget<BuildTestImage>
{
    protected override ContainerRegistry? Registry => setup.Registry;

    protected override Backoff Backoff => setup.Backoff;

    protected override EmbeddedRegistry LocalRegistryFor(TargetContext context) =>
        new(setup.LocalRegistryRoot ?? throw new InvalidOperationException("no local registry in this test"));
}
